// The authorisation matrix: every role against every endpoint, over real HTTP, with the expected
// status in each cell. Written from the roles' definitions (issue: a steward uploads and sees only
// their ministry; a coordinator sees everything; an administrator manages accounts; anonymous
// visitors see only released publications), not from the code.
#include "portal/test_portal.h"

namespace jbr::portal {
namespace {

enum Role { kAnon, kSteward, kCoordinator, kAdmin, kToken, kRoles };
const char* const kRoleNames[kRoles] = {"anonymous", "steward BZK", "coordinator", "admin",
                                        "token BZK"};

struct Row {
  const char* method;
  std::string path;  // {bzk} and {fin}: a delivery of that ministry
  int expected[kRoles];
};

TEST_F(PortalTest, AuthorisationMatrix) {
  const int64_t bzk = LoadSample("personnel-BZK-2020.csv", "personnel", "BZK");
  const int64_t fin = LoadSample("vacancies-FIN-2020.csv", "vacancies", "FIN");
  Browser who[kRoles];
  who[kSteward] = LogIn("anna");
  who[kCoordinator] = LogIn("carl");
  who[kAdmin] = LogIn("ada");
  for (int r : {kSteward, kCoordinator, kAdmin})
    ASSERT_FALSE(who[r].cookie.empty()) << kRoleNames[r];

  // clang-format off
  const std::vector<Row> matrix = {
      //                                                      anon steward coord admin token
      {"GET",  "/",                                          {200, 200,    200,  200,  200}},
      {"GET",  "/login",                                     {200, 200,    200,  200,  200}},
      {"GET",  "/healthz",                                   {200, 200,    200,  200,  200}},
      {"GET",  "/assets/style.css",                          {200, 200,    200,  200,  200}},
      {"GET",  "/upload",                                    {401, 200,    403,  403,  403}},
      {"GET",  "/deliveries",                                {401, 200,    200,  403,  403}},
      {"GET",  "/deliveries/{bzk}/original",                 {401, 200,    200,  403,  403}},
      {"GET",  "/deliveries/{fin}/original",                 {401, 404,    200,  403,  403}},
      {"GET",  "/deliveries/999999/original",                {401, 404,    404,  403,  403}},
      {"GET",  "/matrix",                                    {401, 403,    200,  403,  403}},
      {"GET",  "/actions",                                   {401, 403,    200,  200,  403}},
      {"GET",  "/users",                                     {401, 403,    403,  200,  403}},
      {"GET",  "/reports",                                   {401, 200,    200,  403,  403}},
      {"GET",  "/reports/no-such-report",                    {401, 404,    404,  403,  404}},
      {"GET",  "/reports/no-such-report/findings.csv",       {401, 404,    404,  403,  404}},
      {"GET",  "/api/v1/indicators",                         {200, 200,    200,  200,  200}},
      {"GET",  "/api/v1/releases",                           {200, 200,    200,  200,  200}},
      {"GET",  "/api/v1/definitions",                        {200, 200,    200,  200,  200}},
      {"GET",  "/api/v1/openapi.json",                       {200, 200,    200,  200,  200}},
      {"GET",  "/no/such/page",                              {404, 404,    404,  404,  404}},
      // The released sites are everyone's; a release that was not made is nobody's.
      {"GET",  "/releases",                                  {200, 200,    200,  200,  200}},
      {"GET",  "/releases/2020-1/nl/index.html",             {404, 404,    404,  404,  404}},
      {"GET",  "/releases/2020-1/../../jbr.json",            {404, 404,    404,  404,  404}},
      // Not multipart: refused before anything is read, after the role is checked.
      {"POST", "/upload",                                    {401, 415,    403,  403,  415}},
      {"POST", "/api/v1/deliveries",                         {401, 415,    403,  403,  415}},
      {"PUT",  "/upload",                                    {405, 405,    405,  405,  405}},
      // Background jobs: a coordinator's; starting one needs the form's CSRF token (none here).
      {"GET",  "/jobs",                                      {401, 403,    200,  403,  403}},
      {"POST", "/jobs",                                      {401, 403,    403,  403,  403}},
      {"GET",  "/jobs/999999",                               {401, 403,    404,  403,  403}},
      {"GET",  "/jobs/../jbr.json",                          {404, 404,    404,  404,  404}},
      // Anomalies and review notes: a coordinator's; a note needs the form's CSRF token.
      {"GET",  "/anomalies?year=2020",                       {401, 403,    200,  403,  403}},
      {"GET",  "/anomalies?year=20x0",                       {401, 403,    400,  403,  403}},
      {"POST", "/anomalies",                                 {401, 403,    403,  403,  403}},
      // The preview: a steward's own ministry only; a coordinator any ministry.
      {"GET",  "/preview?year=2020",                         {401, 200,    200,  403,  403}},
      {"GET",  "/preview?year=2020&ministry=BZK",            {401, 200,    200,  403,  403}},
      {"GET",  "/preview?year=2020&ministry=FIN",            {401, 403,    200,  403,  403}},
      {"GET",  "/preview?year=2020&ministry=XYZ",            {401, 403,    404,  403,  403}},
      {"GET",  "/preview?year=20x0",                         {401, 400,    400,  403,  403}},
  };
  // clang-format on
  int checked = 0;
  for (const Row& row : matrix) {
    std::string path = std::regex_replace(row.path, std::regex("\\{bzk\\}"), std::to_string(bzk));
    path = std::regex_replace(path, std::regex("\\{fin\\}"), std::to_string(fin));
    for (int r = 0; r < kRoles; ++r) {
      httplib::Headers h = who[r].Headers();
      if (r == kToken) h.emplace("Authorization", "Bearer " + token_);
      httplib::Result res = std::string(row.method) == "GET" ? client_->Get(path.c_str(), h)
                            : std::string(row.method) == "POST"
                                ? client_->Post(path.c_str(), h, "x", "text/plain")
                                : client_->Put(path.c_str(), h, "x", "text/plain");
      ASSERT_TRUE(res) << row.method << " " << path;
      EXPECT_EQ(res->status, row.expected[r])
          << row.method << " " << path << " as " << kRoleNames[r];
      ++checked;
    }
  }
  EXPECT_EQ(checked, static_cast<int>(matrix.size()) * kRoles);
}

}  // namespace
}  // namespace jbr::portal
