#include "serve/static_server.h"

#include <httplib.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>
#include "common/testing/temp_dir.h"

namespace jbr::serve {
namespace {
namespace fs = std::filesystem;

// A site with a page, a stylesheet, a download, a sub-directory with and without an index, a
// secret beside the root and a symlink from inside to it.
class StaticServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tmp_.emplace(::jbr::testing::TestDir("jbr-serve-test-"));
    base_ = tmp_->path();
    fs::create_directories(base_ / "site/nl");
    fs::create_directories(base_ / "site/assets");
    Write("site/index.html", "<!doctype html><title>home</title>");
    Write("site/nl/index.html", "<!doctype html><title>nl</title>");
    Write("site/nl/hoofdstuk-1.html", "<!doctype html><title>h1</title>");
    Write("site/assets/style.css", "body{}");
    Write("site/data.csv", "a,b\n1,2\n");
    Write("site/chart.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>");
    Write("secret.txt", "geheim");
    fs::create_symlink(base_ / "secret.txt", base_ / "site/link.txt");
    StaticServerOptions o;
    o.root = (base_ / "site").string();
    o.port = 0;
    auto s = StaticServer::Bind(o);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    server_ = std::move(s).value();
    thread_ = std::thread([this] { (void)server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
    tmp_.reset();
  }
  void Write(const std::string& rel, const std::string& text) {
    std::ofstream(base_ / rel, std::ios::binary) << text;
  }
  int Status(const std::string& path) {
    auto r = client_->Get(path);
    return r ? r->status : -1;
  }

  std::optional<TempDir> tmp_;
  fs::path base_;
  std::unique_ptr<StaticServer> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(StaticServerTest, ServesFilesWithTheirTypeAndSecurityHeaders) {
  auto r = client_->Get("/nl/hoofdstuk-1.html");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "<!doctype html><title>h1</title>");
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_THAT(r->get_header_value("Content-Security-Policy"),
              ::testing::HasSubstr("default-src 'self'"));
  EXPECT_EQ(client_->Get("/assets/style.css")->get_header_value("Content-Type"),
            "text/css; charset=utf-8");
  EXPECT_EQ(client_->Get("/data.csv")->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(client_->Get("/chart.svg")->get_header_value("Content-Type"), "image/svg+xml");
}

TEST_F(StaticServerTest, DirectoriesGiveTheirIndexNeverAListing) {
  auto root = client_->Get("/");
  ASSERT_TRUE(root);
  EXPECT_EQ(root->body, "<!doctype html><title>home</title>");
  auto nl = client_->Get("/nl");
  ASSERT_TRUE(nl);
  EXPECT_EQ(nl->status, 301);
  EXPECT_EQ(nl->get_header_value("Location"), "/nl/");
  EXPECT_EQ(client_->Get("/nl/")->body, "<!doctype html><title>nl</title>");
  EXPECT_EQ(Status("/assets/"), 404);  // no index.html there
  EXPECT_EQ(Status("/missing.html"), 404);
}

TEST_F(StaticServerTest, NothingOutsideTheRoot) {
  EXPECT_EQ(Status("/../secret.txt"), 404);
  EXPECT_EQ(Status("/nl/../../secret.txt"), 404);
  EXPECT_EQ(Status("/%2e%2e/secret.txt"), 404);
  EXPECT_EQ(Status("/%2E%2E/%2e%2e/secret.txt"), 404);
  EXPECT_EQ(Status("/nl/..%2f..%2fsecret.txt"), 404);
  EXPECT_EQ(Status("/link.txt"), 404);  // a symlink out of the root
  EXPECT_EQ(Status("/nl/%00index.html"), 404);
}

TEST_F(StaticServerTest, OnlyGetAndHead) {
  auto head = client_->Head("/data.csv");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_TRUE(head->body.empty());
  auto post = client_->Post("/index.html", "x", "text/plain");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
  auto del = client_->Delete("/index.html");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
}

TEST(StaticServerOptions, RejectsAMissingRoot) {
  StaticServerOptions o;
  o.root = "/nonexistent/site";
  EXPECT_EQ(o.Validate().code(), StatusCode::kUsage);
}

TEST(ResolvePath, StaysInsideTheRoot) {
  bool redirect = false;
  EXPECT_EQ(ResolvePath("/usr/share", "/../etc/passwd", &redirect), "");
  EXPECT_EQ(ResolvePath("/usr/share", "relative", &redirect), "");
}

}  // namespace
}  // namespace jbr::serve
