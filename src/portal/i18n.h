// The portal's pages in Dutch (the default) and English, as the published site (publish::Lang).
//
// Texts are written in English in the code and looked up in one catalogue (i18n.cc) for Dutch;
// i18n_test.cc reads the portal's sources and fails for a text passed to Tr or T that has no
// Dutch. Texts with placeholders are translated before formatting (fmt::runtime). The findings of
// validation are data from the validator and stay as it wrote them.
#pragma once

#include <string>
#include <string_view>

#include "publish/core/html.h"

namespace jbr::portal {

using Lang = publish::Lang;

// The language of a request: `query` (?lang=nl|en) when given, else `cookie` (jbr_lang), else the
// first of nl or en in `accept_language` by its q weight (RFC 9110; "nl-BE" counts as nl), else
// Dutch.
Lang ChooseLang(std::string_view query, std::string_view cookie, std::string_view accept_language);

// `en` in `lang`: its Dutch from the catalogue, or `en` itself (in English, or when the catalogue
// has no Dutch for it: i18n_test.cc keeps that from happening).
const char* Tr(Lang lang, const char* en);
std::string Tr(Lang lang, const std::string& en);

// True when the catalogue has Dutch for `en` (for the test).
bool HasDutch(std::string_view en);

}  // namespace jbr::portal
