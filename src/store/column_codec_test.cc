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

}  // namespace
}  // namespace jbr
