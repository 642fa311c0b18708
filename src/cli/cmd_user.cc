// jbr user add|passwd|disable|list and jbr token create|revoke|list: the portal's accounts.
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include <fmt/format.h>

#include "cli/command.h"
#include "portal/accounts.h"
#include "portal/security.h"

namespace jbr::cli {
namespace {

struct UserArgs {
  std::string name, role, ministry;
  int days = 365;
};

// One line from stdin; on a terminal asked for twice without echo.
Result<std::string> ReadPassword() {
  auto line = [](const char* prompt, bool tty) -> Result<std::string> {
    if (tty) std::cerr << prompt << std::flush;
    std::string s;
    if (!std::getline(std::cin, s)) return UsageError("no password given on stdin");
    if (tty) std::cerr << "\n";
    if (!s.empty() && s.back() == '\r') s.pop_back();
    return s;
  };
  if (!isatty(STDIN_FILENO)) return line("", false);
  termios old{};
  tcgetattr(STDIN_FILENO, &old);
  termios quiet = old;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  auto first = line("password: ", true);
  auto second = first.ok() ? line("again: ", true) : first;
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
  JBR_RETURN_IF_ERROR(first.status());
  JBR_RETURN_IF_ERROR(second.status());
  if (*first != *second) return UsageError("the two passwords differ");
  return *first;
}

portal::Context CliContext(const GlobalOptions& g) {
  return portal::Context{g.actor, "cli", NowUtc(g)};
}

Status RunUser(const GlobalOptions& g, const std::string& verb, const UserArgs& a) {
  JBR_RETURN_IF_ERROR(portal::InitSecurity());
  JBR_ASSIGN_OR_RETURN(auto ws, OpenWorkspace(g));
  Store* store = ws->store();
  if (verb == "list") {
    JBR_ASSIGN_OR_RETURN(auto users, store->accounts()->ListUsers());
    for (const auto& u : users) {
      std::cout << fmt::format("{}\t{}\t{}\t{}\n", u.name, u.role,
                               u.ministry.empty() ? "-" : u.ministry,
                               u.disabled ? "disabled" : "active");
    }
    return Status::Ok();
  }
  if (verb == "disable") {
    JBR_RETURN_IF_ERROR(portal::DisableUser(store, a.name, CliContext(g)));
    std::cout << fmt::format("disabled {}: their sessions have ended\n", a.name);
    return Status::Ok();
  }
  JBR_ASSIGN_OR_RETURN(std::string password, ReadPassword());
  if (verb == "passwd") {
    JBR_RETURN_IF_ERROR(portal::ChangePassword(store, a.name, password, CliContext(g)));
    std::cout << fmt::format("changed the password of {}: their sessions have ended\n", a.name);
    return Status::Ok();
  }
  JBR_ASSIGN_OR_RETURN(
      User u, portal::AddUser(store, ws->ministries(), {a.name, a.role, a.ministry, password},
                              CliContext(g)));
  std::cout << fmt::format("added {} ({}{})\n", u.name, u.role,
                           u.ministry.empty() ? "" : ", " + u.ministry);
  return Status::Ok();
}

Status RunToken(const GlobalOptions& g, const std::string& verb, const UserArgs& a) {
  JBR_RETURN_IF_ERROR(portal::InitSecurity());
  JBR_ASSIGN_OR_RETURN(auto ws, OpenWorkspace(g));
  Store* store = ws->store();
  if (verb == "list") {
    JBR_ASSIGN_OR_RETURN(auto tokens, store->accounts()->ListTokens());
    for (const auto& t : tokens) {
      std::cout << fmt::format("{}\t{}\texpires {}\t{}\n", t.name, t.ministry, t.expires_at,
                               t.revoked_at.empty() ? "valid" : "revoked " + t.revoked_at);
    }
    return Status::Ok();
  }
  if (verb == "revoke") {
    JBR_RETURN_IF_ERROR(portal::RevokeToken(store, a.name, CliContext(g)));
    std::cout << fmt::format("revoked token {}\n", a.name);
    return Status::Ok();
  }
  JBR_ASSIGN_OR_RETURN(auto made, portal::CreateToken(store, ws->ministries(), a.name, a.ministry,
                                                      a.days, CliContext(g)));
  std::cerr << fmt::format("token {} for {}, valid until {}; it is shown once, keep it now:\n",
                           made.token.name, made.token.ministry, made.token.expires_at);
  std::cout << made.secret << "\n";
  return Status::Ok();
}

}  // namespace

void RegisterUser(CLI::App& app, GlobalOptions& g, Action& run) {
  auto* user = app.add_subcommand("user", "Portal accounts: add, passwd, disable, list");
  user->require_subcommand(1);
  auto a = std::make_shared<UserArgs>();
  auto* add =
      user->add_subcommand("add", "Add a user (password from stdin, or asked on a terminal)");
  add->add_option("NAME", a->name, "Login name")->required();
  add->add_option("--role", a->role, "steward | coordinator | admin")
      ->required()
      ->check(CLI::IsMember({"steward", "coordinator", "admin"}));
  add->add_option("--ministry", a->ministry, "The steward's ministry code (stewards only)");
  add->footer(
      "Example:\n  printf '%s\\n' \"$PASSWORD\" | jbr user add anna --role steward --ministry BZK");
  auto* passwd = user->add_subcommand(
      "passwd", "Set a user's password (from stdin or asked); ends their sessions");
  passwd->add_option("NAME", a->name, "Login name")->required();
  auto* disable = user->add_subcommand("disable", "Disable a user; ends their sessions");
  disable->add_option("NAME", a->name, "Login name")->required();
  auto* list = user->add_subcommand("list", "List the users");
  for (auto* sub : {add, passwd, disable, list}) {
    sub->callback([&g, &run, a, sub] {
      const std::string verb = sub->get_name();
      run = [&g, a, verb] { return RunUser(g, verb, *a); };
    });
  }

  auto* token =
      app.add_subcommand("token", "API tokens for a ministry's HR system: create, revoke, list");
  token->require_subcommand(1);
  auto t = std::make_shared<UserArgs>();
  auto* create =
      token->add_subcommand("create", "Create a token; it is printed once and stored hashed");
  create->add_option("NAME", t->name, "Token name, e.g. bzk-hr")->required();
  create->add_option("--ministry", t->ministry, "The ministry it delivers for")->required();
  create->add_option("--days", t->days, "Days it is valid")->capture_default_str();
  auto* revoke = token->add_subcommand("revoke", "Revoke a token");
  revoke->add_option("NAME", t->name, "Token name")->required();
  auto* tlist = token->add_subcommand("list", "List the tokens (never their secrets)");
  for (auto* sub : {create, revoke, tlist}) {
    sub->callback([&g, &run, t, sub] {
      const std::string verb = sub->get_name();
      run = [&g, t, verb] { return RunToken(g, verb, *t); };
    });
  }
}

}  // namespace jbr::cli
