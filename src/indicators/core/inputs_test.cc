#include "indicators/core/inputs.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "indicators/testing/columns.h"
#include "schema/schema.h"

namespace jbr {
namespace {

struct RowCount {
  size_t rows = 0;
};
struct Other {
  int value = 0;
};

// A table's memo is made once however many threads ask at once, and every copy of the table
// shares it; each type is a value of its own.
TEST(TableMemo, MadeOnceForEveryThreadAndCopy) {
  const SchemaRegistry schemas =
      SchemaRegistry::LoadDirectory(std::string(JBR_SOURCE_DIR) + "/data/schemas").value();
  const DatasetSchema* schema = schemas.Find("personnel");
  ASSERT_NE(schema, nullptr);
  const Table t = MakeTable(schema, {{"person_id", test::StrCol({"a", "b", "c"})}});
  std::atomic<int> made{0};
  std::vector<const RowCount*> seen(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&, i] {
      seen[i] = &t.Memo<RowCount>([&] {
        ++made;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the others wait, not make
        return RowCount{t.rows};
      });
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(made.load(), 1);
  for (const RowCount* r : seen) {
    EXPECT_EQ(r, seen[0]);
    EXPECT_EQ(r->rows, 3u);
  }
  const Table copy = t;
  EXPECT_EQ(&copy.Memo<RowCount>([] { return RowCount{99}; }), seen[0]);
  EXPECT_EQ(copy.Memo<Other>([] { return Other{7}; }).value, 7);
  EXPECT_EQ(made.load(), 1);
}

}  // namespace
}  // namespace jbr
