#include "publish/print/pdf_toc_fill.h"

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/Pl_String.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <array>
#include <cctype>
#include <deque>
#include <exception>
#include <map>
#include <optional>
#include <string_view>

#include <fmt/format.h>

namespace jbr::publish {
namespace {

constexpr uint32_t kFigureSpace = 0x2007;

// What a filled number needs of one font: its glyphs for the figure space and the digits (-1 when
// the subset has none) with their widths, and the placeholder's bytes as a text show's operand.
struct FontGlyphs {
  int figure_space = -1;
  std::array<int, 10> digits{-1, -1, -1, -1, -1, -1, -1, -1, -1, -1};
  std::map<int, double> widths;  // of those glyphs, from the font's /W (0 when absent)
  std::string placeholder;       // kTocPlaceholderDigits figure spaces, 2 bytes each
};

// The tokens of a CMap: <hex> strings (without brackets), '[' and ']', and words.
std::vector<std::string> CMapTokens(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = s[i];
    if (std::isspace(c)) {
      ++i;
    } else if (c == '<' && i + 1 < s.size() && s[i + 1] != '<') {
      const size_t end = s.find('>', i);
      if (end == std::string::npos) break;
      out.push_back("<" + s.substr(i + 1, end - i - 1));
      i = end + 1;
    } else if (c == '[' || c == ']') {
      out.emplace_back(1, static_cast<char>(c));
      ++i;
    } else {
      const size_t start = i;
      while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])) && s[i] != '<' &&
             s[i] != '[' && s[i] != ']') {
        ++i;
      }
      if (i == start) ++i;  // a lone "<<" or ">>"
      out.push_back(s.substr(start, i - start));
    }
  }
  return out;
}

// A hex token's value; -1 unless it is "<" and 1-4 hex digits (one code, one BMP code point).
long HexCode(const std::string& token) {
  if (token.size() < 2 || token.size() > 5 || token[0] != '<') return -1;
  long v = 0;
  for (size_t i = 1; i < token.size(); ++i) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(token[i])));
    if (!std::isxdigit(static_cast<unsigned char>(c))) return -1;
    v = v * 16 + (std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : c - 'a' + 10);
  }
  return v;
}

// The lowest code that a ToUnicode CMap maps to each single code point (bfchar and bfrange).
std::map<long, long> CodesByUnicode(const std::string& cmap) {
  std::map<long, long> out;
  auto add = [&out](long code, long unicode) {
    if (code < 0 || unicode < 0) return;
    auto [it, added] = out.emplace(unicode, code);
    if (!added && code < it->second) it->second = code;
  };
  const std::vector<std::string> t = CMapTokens(cmap);
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == "beginbfchar") {
      for (i = i + 1; i + 1 < t.size() && t[i] != "endbfchar"; i += 2)
        add(HexCode(t[i]), HexCode(t[i + 1]));
    } else if (t[i] == "beginbfrange") {
      for (i = i + 1; i + 2 < t.size() && t[i] != "endbfrange";) {
        const long lo = HexCode(t[i]), hi = HexCode(t[i + 1]);
        if (t[i + 2] == "[") {  // one destination per code
          i += 3;
          for (long code = lo; i < t.size() && t[i] != "]"; ++i, ++code) add(code, HexCode(t[i]));
          ++i;
        } else {
          const long first = HexCode(t[i + 2]);
          for (long code = lo; lo >= 0 && first >= 0 && code <= hi; ++code) {
            add(code, first + (code - lo));
          }
          i += 3;
        }
      }
    }
  }
  return out;
}

// The widths of `glyphs` in a CIDFont's /W array (c [w1 w2 ...] or c_first c_last w).
std::map<int, double> Widths(QPDFObjectHandle w, const std::vector<int>& glyphs) {
  std::map<int, double> out;
  for (int g : glyphs) out[g] = 0;
  if (!w.isArray()) return out;
  const int n = w.getArrayNItems();
  for (int i = 0; i + 1 < n;) {
    QPDFObjectHandle first = w.getArrayItem(i), next = w.getArrayItem(i + 1);
    if (!first.isInteger()) break;
    const long long c = first.getIntValue();
    if (next.isArray()) {
      for (int k = 0; k < next.getArrayNItems(); ++k) {
        auto it = out.find(static_cast<int>(c + k));
        if (it != out.end() && next.getArrayItem(k).isNumber()) {
          it->second = next.getArrayItem(k).getNumericValue();
        }
      }
      i += 2;
    } else if (i + 2 < n && next.isInteger() && w.getArrayItem(i + 2).isNumber()) {
      for (auto& [g, width] : out) {
        if (g >= c && g <= next.getIntValue()) width = w.getArrayItem(i + 2).getNumericValue();
      }
      i += 3;
    } else {
      break;
    }
  }
  return out;
}

std::string GlyphBytes(int glyph) {
  return {static_cast<char>((glyph >> 8) & 0xff), static_cast<char>(glyph & 0xff)};
}

std::string Hex(const std::string& bytes) {
  std::string out;
  for (unsigned char c : bytes) out += fmt::format("{:02x}", c);
  return out;
}

// A Type0 font with 2-byte glyph ids and a /ToUnicode map that has U+2007; else nullopt.
std::optional<FontGlyphs> ReadFont(QPDFObjectHandle font) {
  if (!font.isDictionary() || !font.getKey("/Subtype").isNameAndEquals("/Type0") ||
      !font.getKey("/Encoding").isNameAndEquals("/Identity-H") ||
      !font.getKey("/ToUnicode").isStream()) {
    return std::nullopt;
  }
  QPDFObjectHandle descendants = font.getKey("/DescendantFonts");
  if (!descendants.isArray() || descendants.getArrayNItems() != 1) return std::nullopt;
  std::shared_ptr<Buffer> cmap = font.getKey("/ToUnicode").getStreamData(qpdf_dl_generalized);
  const std::map<long, long> codes = CodesByUnicode(
      std::string(reinterpret_cast<const char*>(cmap->getBuffer()), cmap->getSize()));
  auto space = codes.find(kFigureSpace);
  if (space == codes.end()) return std::nullopt;
  FontGlyphs f;
  f.figure_space = static_cast<int>(space->second);
  std::vector<int> glyphs = {f.figure_space};
  for (int d = 0; d < 10; ++d) {
    auto it = codes.find('0' + d);
    if (it == codes.end()) continue;
    f.digits[d] = static_cast<int>(it->second);
    glyphs.push_back(f.digits[d]);
  }
  f.widths = Widths(descendants.getArrayItem(0).getKey("/W"), glyphs);
  for (int i = 0; i < kTocPlaceholderDigits; ++i) f.placeholder += GlyphBytes(f.figure_space);
  return f;
}

// A placeholder's text show in a page's content stream: the bytes of "<...> Tj".
struct Show {
  size_t begin = 0, end = 0;
  const FontGlyphs* font = nullptr;
};

// Finds the shows of exactly a font's placeholder, following the font (Tf) through q and Q.
class ShowFinder : public QPDFObjectHandle::ParserCallbacks {
 public:
  explicit ShowFinder(const std::map<std::string, const FontGlyphs*>& fonts) : fonts_(fonts) {}
  void handleObject(QPDFObjectHandle obj, size_t offset, size_t length) override {
    if (!obj.isOperator()) {
      operands_.push_back({obj, offset});
      return;
    }
    const std::string op = obj.getOperatorValue();
    if (op == "q") {
      saved_.push_back(font_);
    } else if (op == "Q" && !saved_.empty()) {
      font_ = saved_.back();
      saved_.pop_back();
    } else if (op == "Tf" && operands_.size() == 2 && operands_[0].first.isName()) {
      auto it = fonts_.find(operands_[0].first.getName());
      font_ = it == fonts_.end() ? nullptr : it->second;
    } else if (op == "Tj" && font_ != nullptr && operands_.size() == 1 &&
               operands_[0].first.isString() &&
               operands_[0].first.getStringValue() == font_->placeholder) {
      shows.push_back({operands_[0].second, offset + length, font_});
    }
    operands_.clear();
  }
  void handleEOF() override {}
  std::vector<Show> shows;

 private:
  const std::map<std::string, const FontGlyphs*>& fonts_;
  std::vector<std::pair<QPDFObjectHandle, size_t>> operands_;
  const FontGlyphs* font_ = nullptr;
  std::vector<const FontGlyphs*> saved_;
};

// "[shift <digits>] TJ": the digits alone (the text is the number), moved right by what the
// placeholder's width exceeds theirs, so that the last digit ends where the placeholder did.
Result<std::string> NumberShow(const FontGlyphs& f, int number) {
  if (number < 1 || number > 999) {
    return UsageError(fmt::format("page number {} does not fit the table of contents", number));
  }
  const double space = f.widths.at(f.figure_space);
  double shift = -space * kTocPlaceholderDigits;  // negative: to the right
  std::string glyphs;
  for (char c : std::to_string(number)) {
    const int g = f.digits[c - '0'];
    if (g < 0 || f.widths.at(g) <= 0 || space <= 0) {
      return NotFound(fmt::format("the digit {} is not in the table of contents' font", c));
    }
    glyphs += GlyphBytes(g);
    shift += f.widths.at(g);
  }
  return fmt::format("[{:.4f} <{}>] TJ", shift, Hex(glyphs));
}

std::string StreamText(QPDFObjectHandle stream) {
  std::shared_ptr<Buffer> b = stream.getStreamData(qpdf_dl_generalized);
  return std::string(reinterpret_cast<const char*>(b->getBuffer()), b->getSize());
}

bool ContainsEitherCase(const std::string& data, const std::string& hex) {
  std::string upper = hex;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return data.find(hex) != std::string::npos || data.find(upper) != std::string::npos;
}

std::string Deflate(const std::string& data) {
  std::string out;
  Pl_String sink("deflated", nullptr, out);
  Pl_Flate flate("deflate", &sink, Pl_Flate::a_deflate);
  flate.write(reinterpret_cast<const unsigned char*>(data.data()), data.size());
  flate.finish();
  return out;
}

// The offset that the last "startxref" of `pdf` names, when it is a classic xref table's.
Result<size_t> LastXref(const std::string& pdf) {
  const size_t at = pdf.rfind("startxref");
  if (at == std::string::npos) return InvalidInput("the PDF has no startxref");
  size_t offset = 0;
  size_t i = at + 9;
  while (i < pdf.size() && std::isspace(static_cast<unsigned char>(pdf[i]))) ++i;
  for (; i < pdf.size() && std::isdigit(static_cast<unsigned char>(pdf[i])); ++i) {
    offset = offset * 10 + static_cast<size_t>(pdf[i] - '0');
  }
  if (pdf.compare(offset, 4, "xref") != 0) {
    return InvalidInput("the PDF's last cross-reference section is not a table");
  }
  return offset;
}

// `pdf` with an incremental update (PDF 32000-1, 7.5.6) that replaces the streams `contents`:
// the new objects, a cross-reference section for them and a trailer pointing back (/Prev) to
// the PDF's own. Nothing before it changes, so the rest of the file (the tagged structure, the
// links) is the printed one, and appending costs nothing like rewriting a 16 MB file.
Result<std::string> AppendUpdate(const std::string& pdf, QPDFObjectHandle trailer,
                                 std::vector<std::pair<QPDFObjGen, std::string>> contents) {
  JBR_ASSIGN_OR_RETURN(size_t prev, LastXref(pdf));
  std::sort(contents.begin(), contents.end());
  std::string out = pdf;
  if (out.back() != '\n') out += '\n';
  std::string xref = "xref\n";
  for (const auto& [id, data] : contents) {
    const std::string deflated = Deflate(data);
    xref += fmt::format("{} 1\n{:010d} {:05d} n \n", id.getObj(), out.size(), id.getGen());
    out += fmt::format("{} {} obj\n<< /Filter /FlateDecode /Length {} >>\nstream\n", id.getObj(),
                       id.getGen(), deflated.size());
    out += deflated + "\nendstream\nendobj\n";
  }
  const size_t xref_at = out.size();
  out += xref + "trailer\n<<";
  for (const std::string& key : trailer.getKeys()) {
    if (key == "/Prev" || key == "/XRefStm") continue;
    out += fmt::format(" {} {}", key, trailer.getKey(key).unparse());
  }
  return out + fmt::format(" /Prev {} >>\nstartxref\n{}\n%%EOF\n", prev, xref_at);
}

}  // namespace

struct TocPlaceholders::Impl {
  std::string pdf;  // QPDF reads it in place
  QPDF qpdf;
  std::deque<std::optional<FontGlyphs>> fonts;  // read once each, by object
  std::map<QPDFObjGen, const std::optional<FontGlyphs>*> font_objects;
  struct Page {
    int number = 0;  // 1-based
    QPDFObjectHandle contents;
    std::string data;  // as printed: every Fill starts from it
    std::vector<Show> shows;
  };
  std::vector<Page> pages;

  // The page's fonts by resource name, those that have a placeholder glyph.
  std::map<std::string, const FontGlyphs*> PageFonts(QPDFPageObjectHelper& page) {
    std::map<std::string, const FontGlyphs*> out;
    QPDFObjectHandle resources = page.getAttribute("/Resources", false);
    if (!resources.isDictionary() || !resources.getKey("/Font").isDictionary()) return out;
    QPDFObjectHandle dict = resources.getKey("/Font");
    for (const std::string& name : dict.getKeys()) {
      QPDFObjectHandle font = dict.getKey(name);
      const std::optional<FontGlyphs>* f = nullptr;
      if (auto it = font_objects.find(font.getObjGen()); it != font_objects.end()) {
        f = it->second;
      } else {
        f = &fonts.emplace_back(ReadFont(font));
        if (font.isIndirect()) font_objects[font.getObjGen()] = f;
      }
      if (*f) out[name] = &**f;
    }
    return out;
  }

  // The page with its placeholders; none when its contents are not one stream. Only a page whose
  // contents have a placeholder's bytes is parsed.
  Page ReadPage(QPDFPageObjectHelper& page, int number) {
    Page p{number, page.getObjectHandle().getKey("/Contents"), "", {}};
    const auto page_fonts = PageFonts(page);
    if (!p.contents.isStream() || page_fonts.empty()) return p;
    p.data = StreamText(p.contents);
    bool any = false;
    for (const auto& [name, f] : page_fonts) {
      any = any || ContainsEitherCase(p.data, "<" + Hex(f->placeholder) + ">");
    }
    if (!any) return p;
    ShowFinder finder(page_fonts);
    QPDFObjectHandle::parseContentStream(p.contents, &finder);
    p.shows = std::move(finder.shows);
    return p;
  }

  void Scan() {
    std::vector<QPDFPageObjectHelper> all = QPDFPageDocumentHelper(qpdf).getAllPages();
    for (size_t i = 0; i < all.size(); ++i) {
      Page page = ReadPage(all[i], static_cast<int>(i + 1));
      if (page.shows.empty() && !pages.empty()) break;
      if (!page.shows.empty()) pages.push_back(std::move(page));
    }
  }
};

TocPlaceholders::TocPlaceholders(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TocPlaceholders::TocPlaceholders(TocPlaceholders&&) noexcept = default;
TocPlaceholders& TocPlaceholders::operator=(TocPlaceholders&&) noexcept = default;
TocPlaceholders::~TocPlaceholders() = default;

Result<TocPlaceholders> TocPlaceholders::Find(std::string pdf) {
  auto impl = std::make_unique<Impl>();
  impl->pdf = std::move(pdf);
  try {
    impl->qpdf.setSuppressWarnings(true);
    impl->qpdf.processMemoryFile("printed PDF", impl->pdf.data(), impl->pdf.size());
    impl->Scan();
  } catch (const std::exception& e) {
    return InvalidInput(fmt::format("cannot read the printed PDF: {}", e.what()));
  }
  if (impl->pages.empty()) return NotFound("no table of contents placeholder in the printed PDF");
  return TocPlaceholders(std::move(impl));
}

size_t TocPlaceholders::count() const {
  size_t n = 0;
  for (const auto& p : impl_->pages) n += p.shows.size();
  return n;
}

int TocPlaceholders::last_page() const { return impl_->pages.back().number; }

Result<std::string> TocPlaceholders::Fill(const std::vector<int>& numbers) {
  if (numbers.size() != count()) {
    return UsageError(fmt::format("{} page numbers for {} table of contents placeholders",
                                  numbers.size(), count()));
  }
  std::vector<std::pair<QPDFObjGen, std::string>> contents;  // the pages' new contents
  size_t next = 0;
  for (const auto& page : impl_->pages) {
    std::string out;
    size_t at = 0;
    for (const Show& s : page.shows) {
      JBR_ASSIGN_OR_RETURN(std::string show, NumberShow(*s.font, numbers[next++]));
      out += page.data.substr(at, s.begin - at) + show;
      at = s.end;
    }
    contents.emplace_back(page.contents.getObjGen(), out + page.data.substr(at));
  }
  try {
    return AppendUpdate(impl_->pdf, impl_->qpdf.getTrailer(), contents);
  } catch (const std::exception& e) {
    return InvalidInput(fmt::format("cannot write the page numbers into the PDF: {}", e.what()));
  }
}

}  // namespace jbr::publish
