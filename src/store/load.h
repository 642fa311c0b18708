// Loading a delivery: validate, then store it whole in one transaction, or change nothing.
//
// LoadDelivery opens one write transaction, stores the file's bytes while hashing them, and stops
// there when the file is identical (same SHA-256) to the current delivery for the same dataset,
// ministry and year. Otherwise it validates the file in one pass (references checked against the
// store), handing each row to the writer. With any error the transaction is rolled back: the
// database file is never touched. Without errors the delivery, its original bytes and its typed
// rows become current, superseding the previous delivery, with the audit entry, in one commit.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"
#include "validate/validator.h"

namespace jbr {

// Deliveries are kept as one blob; SQLite's limit for one is 1e9 bytes.
inline constexpr int64_t kMaxDeliveryBytes = 900'000'000;

struct LoadRequest {
  std::string dataset;
  std::string ministry;
  int year = 0;
  std::string delivered_by;
  std::string path;          // file to read
  std::string display_name;  // name kept and shown (the user's file name)
  std::string received_at;   // ISO 8601 UTC
  ValidateOptions options;
};

enum class LoadOutcome { kAccepted, kRejected, kIdentical };

struct LoadResult {
  LoadOutcome outcome = LoadOutcome::kRejected;
  DeliveryRecord delivery;  // the new one (accepted) or the current one (identical)
  ValidationSummary summary;
};

// `schemas` resolves the datasets that foreign keys refer to.
Result<LoadResult> LoadDelivery(Store* store, const SchemaRegistry& schemas,
                                const DatasetSchema& schema, const LoadRequest& request,
                                FindingSink* sink, const ProgressFn& progress = {});

// References for validation: key sets of the current deliveries of the same ministry and year.
class StoreReferences : public ReferenceProvider {
 public:
  StoreReferences(Store* store, const SchemaRegistry* schemas, std::string ministry, int year)
      : store_(store), schemas_(schemas), ministry_(std::move(ministry)), year_(year) {}
  Result<std::shared_ptr<const KeyMap>> Keys(const std::string& dataset,
                                             const std::string& field) override;

 private:
  Store* store_;
  const SchemaRegistry* schemas_;
  std::string ministry_;
  int year_;
};

// JSON describing how the file was read (format, encoding, delimiter, decimal, sheet).
std::string DescribeFormat(const ValidationSummary& summary);

}  // namespace jbr
