// What the site is made of besides the figures: the chapters and which indicators each shows
// (templates/report/chapters.json), display labels of category codes (labels.csv), ministry
// names, the words of the interface (messages/nl.json and en.json: messages.h), and the narrative
// files. Every file is looked up in the workspace's templates/ first and
// then in jbr's default templates/, so a workspace can override any page.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "publish/core/html.h"
#include "publish/core/messages.h"
#include "schema/ministries.h"

namespace jbr::publish {

// A narrative file as found: the site renders it (site/narrative.h).
struct NarrativeSource {
  std::string file;  // for errors: the path as the user knows it
  std::string text;  // Markdown, UTF-8
};

struct Chapter {
  std::string slug, number, title_nl, title_en;
  std::vector<std::string> indicators;
  std::string Title(Lang lang) const;  // "1 Rijk als werkgever"
};

class SiteConfig {
 public:
  // `template_dirs`: searched in order (a workspace's templates/ first, then the default).
  // Errors: usage when chapters.json, labels.csv or a message catalogue is absent or malformed
  // (naming the file; a catalogue missing a key is malformed).
  static Result<SiteConfig> Load(std::vector<std::string> template_dirs,
                                 const MinistryRegistry* ministries);

  const std::vector<Chapter>& chapters() const { return chapters_; }
  // The interface text of these templates; Publish puts it in use (UseMessages) while it builds.
  const Messages& messages() const { return messages_; }
  // The label of a category or unit-type code; the code itself when it has none.
  std::string Label(const std::string& code, Lang lang) const;
  // The ministry's name in `lang`; the code when unknown ("Rijk" stays "Rijk").
  std::string MinistryName(const std::string& code, Lang lang) const;
  // The narrative for `name` (e.g. "werkgever") in `lang`: templates/report/LANG/NAME.md.
  // NotFound-style usage error when no directory has it.
  Result<NarrativeSource> Narrative(const std::string& name, Lang lang) const;
  // A file of templates/site/ (the stylesheet).
  Result<std::string> SiteFile(const std::string& name) const;

 private:
  Result<std::string> Find(const std::string& relative, std::string* found_path) const;
  std::vector<std::string> dirs_;
  std::vector<Chapter> chapters_;
  std::map<std::string, std::pair<std::string, std::string>> labels_;
  Messages messages_;
  const MinistryRegistry* ministries_ = nullptr;
};

}  // namespace jbr::publish
