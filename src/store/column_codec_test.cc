#include "store/column_codec.h"

#include <gtest/gtest.h>

namespace jbr {
namespace {

Value Int(int64_t v) { return Value{false, v, 0, {}}; }
Value Num(double v) { return Value{false, 0, v, {}}; }
Value Str(std::string_view v) { return Value{false, 0, 0, v}; }
Value Null() { return Value{}; }

TEST(ColumnCodec, IntegersRoundTripAtEveryWidth) {
  // One chunk per width: the values decide the width, and decoding must give them back exactly.
  for (std::vector<int64_t> values :
       {std::vector<int64_t>{0, 1, -128, 127}, std::vector<int64_t>{-32768, 300, 32767},
        std::vector<int64_t>{-2147483648LL, 70000, 2147483647LL},
        std::vector<int64_t>{INT64_MIN, 1LL << 40, INT64_MAX}}) {
    ColumnBuilder b(FieldType::kInteger);
    for (int64_t v : values) b.Append(Int(v));
    b.Append(Null());
    Column c;
    c.type = FieldType::kInteger;
    ASSERT_TRUE(DecodeChunk(b.Finish(), &c).ok());
    ASSERT_EQ(c.size(), values.size() + 1);
    for (size_t i = 0; i < values.size(); ++i) {
      EXPECT_FALSE(c.is_null(i));
      EXPECT_EQ(c.ints[i], values[i]);
    }
    EXPECT_TRUE(c.is_null(values.size()));
  }
}

TEST(ColumnCodec, StringsPlainAndDictionaryRoundTrip) {
  ColumnBuilder few(FieldType::kString);   // 1000 rows of 3 distinct values: dictionary
  ColumnBuilder many(FieldType::kString);  // all distinct: plain
  std::vector<std::string> distinct;
  for (int i = 0; i < 1000; ++i) distinct.push_back("person-" + std::to_string(i));
  const char* kinds[] = {"core", "agency", ""};
  for (int i = 0; i < 1000; ++i) {
    few.Append(i % 7 == 0 ? Null() : Str(kinds[i % 3]));
    many.Append(Str(distinct[i]));
  }
  std::string few_blob = few.Finish();
  std::string many_blob = many.Finish();
  EXPECT_LT(few_blob.size(), 1000u * 3);  // 2-byte codes, not the strings again and again
  Column a, b;
  ASSERT_TRUE(DecodeChunk(few_blob, &a).ok());
  ASSERT_TRUE(DecodeChunk(many_blob, &b).ok());
  for (int i = 0; i < 1000; ++i) {
    EXPECT_EQ(a.is_null(i), i % 7 == 0);
    if (i % 7 != 0) {
      EXPECT_EQ(a.str(i), kinds[i % 3]);
    }
    EXPECT_EQ(b.str(i), distinct[i]);
  }
}

TEST(ColumnCodec, NumbersAndChunksAppend) {
  ColumnBuilder b(FieldType::kNumber);
  b.Append(Num(18.5));
  b.Append(Num(-0.25));
  std::string first = b.Finish();
  b.Append(Num(1e300));
  std::string second = b.Finish();
  Column c;
  c.type = FieldType::kNumber;
  ASSERT_TRUE(DecodeChunk(first, &c).ok());
  ASSERT_TRUE(DecodeChunk(second, &c).ok());
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c.numbers[0], 18.5);
  EXPECT_EQ(c.numbers[1], -0.25);
  EXPECT_EQ(c.numbers[2], 1e300);
}

TEST(ColumnCodec, DamagedBlobsAreErrorsNotCrashes) {
  ColumnBuilder b(FieldType::kString);
  std::vector<std::string> values;
  for (int i = 0; i < 50; ++i) values.push_back("value " + std::to_string(i));
  for (const auto& v : values) b.Append(Str(v));
  std::string blob = b.Finish();
  // Every truncation of a valid blob must be refused as a damaged chunk (a store error).
  for (size_t n = 0; n < blob.size(); ++n) {
    Column c;
    const Status s = DecodeChunk(std::string_view(blob).substr(0, n), &c);
    ASSERT_FALSE(s.ok()) << n;
    EXPECT_EQ(s.code(), StatusCode::kStore) << n;
    EXPECT_EQ(s.message().rfind("damaged column chunk: ", 0), 0u) << n << ": " << s.message();
  }
  // The empty blob has no header.
  Column empty;
  EXPECT_EQ(DecodeChunk("", &empty).message(), "damaged column chunk: header");
  Column wrong_type;
  wrong_type.type = FieldType::kDate;
  const Status type = DecodeChunk(blob, &wrong_type);
  EXPECT_EQ(type.code(), StatusCode::kStore);
  EXPECT_EQ(type.message(), "damaged column chunk: type differs from the column's");
  std::string bad_version = blob;
  bad_version[0] = 9;
  Column c;
  const Status version = DecodeChunk(bad_version, &c);
  EXPECT_EQ(version.code(), StatusCode::kStore);
  EXPECT_EQ(version.message(), "damaged column chunk: version");
}

// A dictionary chunk's values are kept once and its rows point at them; a second chunk after it
// (plain or dictionary) appends without disturbing the rows before.
TEST(ColumnCodec, DictionaryAndPlainChunksOneAfterAnother) {
  ColumnBuilder b(FieldType::kString);
  for (int i = 0; i < 600; ++i) b.Append(Str(i % 2 == 0 ? "female" : "male"));
  const std::string dict = b.Finish();
  for (int i = 0; i < 5; ++i) b.Append(Str("id-" + std::to_string(i)));
  const std::string plain = b.Finish();
  for (int i = 0; i < 600; ++i) b.Append(i % 3 == 0 ? Null() : Str("other"));
  const std::string dict2 = b.Finish();
  Column c;
  ASSERT_TRUE(DecodeChunk(dict, &c).ok());
  EXPECT_LT(c.bytes.size(), 20u);  // "female" and "male" once, not 600 times
  ASSERT_TRUE(DecodeChunk(plain, &c).ok());
  ASSERT_TRUE(DecodeChunk(dict2, &c).ok());
  ASSERT_EQ(c.size(), 1205u);
  EXPECT_EQ(c.str(0), "female");
  EXPECT_EQ(c.str(599), "male");
  for (int i = 0; i < 5; ++i) EXPECT_EQ(c.str(600 + i), "id-" + std::to_string(i));
  EXPECT_TRUE(c.is_null(605));
  EXPECT_EQ(c.str(606), "other");
}

// A damaged chunk after good ones leaves the column as the good ones made it: no half chunk.
TEST(ColumnCodec, ADamagedChunkLeavesTheColumnAsItWas) {
  for (FieldType type : {FieldType::kString, FieldType::kInteger, FieldType::kNumber}) {
    ColumnBuilder b(type);
    // Str keeps a view of its text: the texts outlive the builder's use of them.
    std::vector<std::string> texts;
    auto value = [&](int i) {
      return type == FieldType::kString    ? Str(texts[i])
             : type == FieldType::kInteger ? Int(i * 1000)
                                           : Num(i + 0.5);
    };
    for (int i = 0; i < 40; ++i) texts.push_back("v" + std::to_string(i));
    for (int i = 0; i < 20; ++i) b.Append(value(i));
    const std::string good = b.Finish();
    for (int i = 20; i < 40; ++i) b.Append(value(i));
    const std::string next = b.Finish();
    Column c;
    c.type = type;
    ASSERT_TRUE(DecodeChunk(good, &c).ok());
    const Column before = c;
    for (size_t cut : {next.size() - 1, next.size() / 2, size_t{12}}) {
      ASSERT_FALSE(DecodeChunk(std::string_view(next).substr(0, cut), &c).ok());
      EXPECT_EQ(c.null, before.null);
      EXPECT_EQ(c.ints, before.ints);
      EXPECT_EQ(c.numbers, before.numbers);
      EXPECT_EQ(c.bytes, before.bytes);
      ASSERT_EQ(c.strs.size(), before.strs.size());
    }
    ASSERT_TRUE(DecodeChunk(next, &c).ok());
    ASSERT_EQ(c.size(), 40u);
    if (type == FieldType::kString) {
      EXPECT_EQ(c.str(39), "v39");
    } else if (type == FieldType::kInteger) {
      EXPECT_EQ(c.ints[39], 39000);
    } else {
      EXPECT_EQ(c.numbers[39], 39.5);
    }
  }
}

}  // namespace
}  // namespace jbr
