// The portal's pages: one shell (lang, skip link, landmarks, the site's stylesheet), escaping, and
// the small pieces every page uses. Server-rendered; no page needs JavaScript.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "portal/accounts.h"
#include "portal/i18n.h"

namespace jbr::portal {

std::string Escape(std::string_view s);

// A whole page in `lang`: header with who is logged in (and a logout form) and a link to the same
// page in the other language (`other_href`), navigation by role, <main> with the title (already
// translated) as h1, then `body` (already HTML).
std::string Page(Lang lang, const std::string& other_href, const std::string& title,
                 const Principal& who, const std::string& body);

// A hidden input with the session's CSRF token, for every form that changes state.
std::string CsrfField(const Principal& who);

// A table with a caption and column headers; `rows` are already escaped cells.
std::string Table(const std::string& caption, const std::vector<std::string>& headers,
                  const std::vector<std::vector<std::string>>& rows);

// "<p class=\"message\" role=\"status\">...</p>" (or role="alert" for an error).
std::string Message(const std::string& text, bool error);

// The portal's own stylesheet (forms, messages), served at /assets/portal.css.
const char* PortalCss();

}  // namespace jbr::portal
