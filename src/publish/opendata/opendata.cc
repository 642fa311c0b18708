#include "publish/opendata/opendata.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/sha256.h"
#include "publish/opendata/table.h"

namespace jbr::publish {
namespace {

using nlohmann::json;

// Keys are sorted (nlohmann's object is a std::map) and invalid UTF-8 is replaced, never thrown on.
std::string Dump(const json& j) {
  return j.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string Hash(const std::string& bytes) {
  Sha256 h;
  h.Update(bytes);
  return h.HexDigest();
}

std::string DatasetTitle(int year) {
  return fmt::format("Jaarrapportage Bedrijfsvoering Rijk {}: indicatoren", year);
}

json CsvResource(const Table& t, const std::string& bytes) {
  return {{"name", t.name},
          {"path", t.name + ".csv"},
          {"title", t.title},
          {"description", t.description},
          {"profile", "tabular-data-resource"},
          {"format", "csv"},
          {"mediatype", "text/csv"},
          {"encoding", "utf-8"},
          {"bytes", bytes.size()},
          {"hash", "sha256:" + Hash(bytes)},
          {"dialect",
           {{"delimiter", ","}, {"doubleQuote", true}, {"header", true}, {"lineTerminator", "\n"}}},
          {"schema", TableSchema(t)}};
}

// The distributions data.overheid.nl lists: each file with its format and media type.
struct Distribution {
  const char* path;
  const char* format;  // EU file-type authority code
  const char* media;
  const char* title;
};
constexpr Distribution kDistributions[] = {
    {"indicators.csv", "CSV", "text/csv", "Indicatorwaarden (CSV)"},
    {"indicators.json", "JSON", "application/json", "Indicatorwaarden (JSON)"},
    {"definitions.csv", "CSV", "text/csv", "Definities van de indicatoren (CSV)"},
    {"restatements.csv", "CSV", "text/csv", "Herziene cijfers van het vorige jaar (CSV)"},
    {"series.csv", "CSV", "text/csv", "Tijdreeks: de cijfers van eerdere jaren (CSV)"},
    {"datapackage.json", "JSON", "application/json", "Frictionless Data Package"},
};

}  // namespace

std::string IndicatorsJson(const Publication& pub) {
  const json j = {{"year", pub.run.year},
                  {"run", pub.run.id},
                  {"definition_version", pub.run.definition_version},
                  {"factor_vintage", pub.run.factor_vintage},
                  {"modified", pub.modified},
                  {"values", RenderRows(IndicatorTable(pub))}};
  return Dump(j);
}

std::string DataPackageJson(const Publication& pub) {
  const Table indicators = IndicatorTable(pub);
  const Table definitions = DefinitionTable(pub);
  const Table restatements = RestatementTable(pub);
  const Table series = SeriesTable(pub);
  const std::string json_bytes = IndicatorsJson(pub);
  const json pkg = {
      {"profile", "tabular-data-package"},
      {"name", fmt::format("jbr-{}", pub.run.year)},
      {"title", DatasetTitle(pub.run.year)},
      {"description",
       fmt::format("Every indicator of the annual business-operations report of the Dutch central "
                   "government (JBR) for {}, per ministry and for the Rijk. Suppressed cells carry "
                   "their status and never their value.",
                   pub.run.year)},
      {"version", fmt::format("{}-run{}", pub.run.year, pub.run.id)},
      {"created", pub.run.at},
      {"licenses",
       {{{"name", "CC0-1.0"},
         {"path", "https://creativecommons.org/publicdomain/zero/1.0/"},
         {"title", "Creative Commons Zero v1.0 Universal"}}}},
      {"keywords", {"bedrijfsvoering", "Rijksoverheid", "jaarrapportage", "JBR"}},
      {"resources",
       {CsvResource(indicators, RenderCsv(indicators)),
        CsvResource(definitions, RenderCsv(definitions)),
        CsvResource(restatements, RenderCsv(restatements)),
        CsvResource(series, RenderCsv(series)),
        {{"name", "indicators-json"},
         {"path", "indicators.json"},
         {"format", "json"},
         {"mediatype", "application/json"},
         {"encoding", "utf-8"},
         {"bytes", json_bytes.size()},
         {"hash", "sha256:" + Hash(json_bytes)},
         {"description",
          "The rows of indicators.csv as JSON objects, with the run they come from"}}}},
  };
  return Dump(pkg);
}

std::string MetadataJson(const Publication& pub) {
  const int y = pub.run.year;
  json distributions = json::array();
  for (const auto& d : kDistributions) {
    distributions.push_back(
        {{"title", d.title},
         {"access_url", d.path},
         {"download_url", d.path},
         {"format",
          fmt::format("http://publications.europa.eu/resource/authority/file-type/{}", d.format)},
         {"media_type", d.media},
         {"license", "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"},
         {"language", "http://publications.europa.eu/resource/authority/language/NLD"}});
  }
  const json meta = {
      {"identifier", fmt::format("jbr-{}-indicatoren", y)},
      {"title", DatasetTitle(y)},
      {"description",
       fmt::format(
           "Alle indicatoren van de Jaarrapportage Bedrijfsvoering Rijk over {}: personeel, "
           "verzuim, inhuur, duurzaamheid, informatievoorziening, ICT en inkoop, per "
           "ministerie en voor het Rijk, met teller en noemer. Cellen die personen "
           "herkenbaar zouden maken zijn onderdrukt (status suppressed, zonder waarde).",
           y)},
      {"publisher",
       "http://standaarden.overheid.nl/owms/terms/"
       "Ministerie_van_Binnenlandse_Zaken_en_Koninkrijksrelaties"},
      {"authority",
       "http://standaarden.overheid.nl/owms/terms/"
       "Ministerie_van_Binnenlandse_Zaken_en_Koninkrijksrelaties"},
      {"license", "http://creativecommons.org/publicdomain/zero/1.0/deed.nl"},
      {"language", {"http://publications.europa.eu/resource/authority/language/NLD"}},
      {"metadata_language", "http://publications.europa.eu/resource/authority/language/NLD"},
      {"theme", {"http://standaarden.overheid.nl/owms/terms/Bestuur"}},
      {"keyword", {"bedrijfsvoering", "Rijksoverheid", "jaarrapportage", "JBR"}},
      {"access_rights", "http://publications.europa.eu/resource/authority/access-right/PUBLIC"},
      {"temporal", {{"start", fmt::format("{}-01-01", y)}, {"end", fmt::format("{}-12-31", y)}}},
      {"modified", pub.modified},
      {"version", fmt::format("{}-run{}", y, pub.run.id)},
      {"conforms_to", {"https://specs.frictionlessdata.io/data-package/"}},
      {"distributions", distributions},
  };
  return Dump(meta);
}

Status WriteOpenData(const Publication& pub, OutputDir* out) {
  const std::string dir = std::string(kOpenDataDir) + "/";
  JBR_RETURN_IF_ERROR(out->Write(dir + "indicators.csv", RenderCsv(IndicatorTable(pub))));
  JBR_RETURN_IF_ERROR(out->Write(dir + "indicators.json", IndicatorsJson(pub)));
  JBR_RETURN_IF_ERROR(out->Write(dir + "definitions.csv", RenderCsv(DefinitionTable(pub))));
  JBR_RETURN_IF_ERROR(out->Write(dir + "restatements.csv", RenderCsv(RestatementTable(pub))));
  JBR_RETURN_IF_ERROR(out->Write(dir + "series.csv", RenderCsv(SeriesTable(pub))));
  JBR_RETURN_IF_ERROR(out->Write(dir + "datapackage.json", DataPackageJson(pub)));
  return out->Write(dir + "metadata.json", MetadataJson(pub));
}

}  // namespace jbr::publish
