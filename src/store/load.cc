#include "store/load.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace jbr {
namespace {}  // namespace

std::string DescribeFormat(const ValidationSummary& s) {
  nlohmann::json j = {{"format", s.source.format},
                      {"decimal", s.decimal == DecimalMark::kComma ? "comma" : "point"}};
  if (s.source.format == "csv") {
    j["encoding"] = EncodingName(s.source.encoding);
    j["bom"] = s.source.bom;
    j["delimiter"] =
        s.source.delimiter == '\t' ? std::string("tab") : std::string(1, s.source.delimiter);
  } else {
    j["sheet"] = s.source.sheet;
  }
  return j.dump();
}

Result<LoadResult> LoadDelivery(Store* store, const SchemaRegistry& schemas,
                                const DatasetSchema& schema, const LoadRequest& req,
                                FindingSink* sink, const ProgressFn& progress) {
  LoadResult result;
  std::error_code ec;
  const auto size = std::filesystem::file_size(req.path, ec);
  if (ec) return IoError(fmt::format("cannot read {}: {}", req.path, ec.message()));
  CountingSink counting(sink);
  if (static_cast<int64_t>(size) > kMaxDeliveryBytes) {
    Finding f;
    f.code = "file-too-large";
    f.file = req.display_name;
    f.message = fmt::format("the file has {} bytes; a delivery may have at most {}", size,
                            kMaxDeliveryBytes);
    f.hint = "split the delivery, or deliver XLSX, which compresses";
    counting.Add(std::move(f));
    return result;
  }
  // One pass over the rows inside one write transaction: the bytes are stored and hashed, then
  // every row is validated and handed to the writer. Any error drops the writer, which rolls the
  // transaction back: nothing reaches the database file.
  NewDelivery d{schema.name,
                req.ministry,
                req.year,
                req.delivered_by,
                req.display_name,
                req.path,
                static_cast<int64_t>(size),
                "{}",
                req.received_at};
  JBR_ASSIGN_OR_RETURN(auto writer, store->BeginDelivery(d, schema));
  // The current delivery as the transaction sees it, once it holds the key's lock: a load of the
  // same file by another process that committed first makes this one identical.
  const auto& current = writer->previous();
  if (current && current->sha256 == writer->sha256()) {
    result.outcome = LoadOutcome::kIdentical;
    result.delivery = *current;
    return result;  // the writer rolls back as it goes
  }
  DeliveryContext context{req.ministry, req.year};
  StoreReferences refs(store, &schemas, req.ministry, req.year);
  auto validated = ValidateFile(schema, req.path, req.display_name, context, req.options, &refs,
                                &counting, writer.get(), progress);
  if (!validated.ok()) {
    if (validated.status().code() == StatusCode::kInvalidInput) return result;  // findings say why
    return validated.status();
  }
  result.summary = *validated;
  if (counting.errors() > 0) return result;
  JBR_RETURN_IF_ERROR(writer->SetFormat(DescribeFormat(result.summary)));
  JBR_ASSIGN_OR_RETURN(result.delivery, writer->Commit());
  result.outcome = LoadOutcome::kAccepted;
  return result;
}

Result<std::shared_ptr<const KeyMap>> StoreReferences::Keys(const std::string& dataset,
                                                            const std::string& field) {
  const DatasetSchema* target = schemas_->Find(dataset);
  if (target == nullptr || target->FieldIndex(field) < 0) {
    return InternalError(
        fmt::format("a foreign key names {}.{}, which does not exist", dataset, field));
  }
  JBR_ASSIGN_OR_RETURN(auto current, store_->CurrentDelivery(target->name, ministry_, year_));
  if (!current) return std::shared_ptr<const KeyMap>();
  JBR_ASSIGN_OR_RETURN(
      Column column,
      store_->ReadColumn(current->id, field, target->fields[target->FieldIndex(field)].type));
  auto keys = std::make_shared<KeyMap>();
  for (size_t i = 0; i < column.size(); ++i) {
    if (!column.is_null(i)) keys->InsertOrGet(HashKey(column.str(i)), static_cast<int64_t>(i) + 1);
  }
  return std::shared_ptr<const KeyMap>(std::move(keys));
}

}  // namespace jbr
