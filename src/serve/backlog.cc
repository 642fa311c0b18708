#include "serve/backlog.h"

#include <sys/socket.h>

namespace jbr::serve {

void ListenBacklog::Watch(httplib::Server& server) {
  server.set_socket_options([this](socket_t sock) {
    httplib::default_socket_options(sock);
    sock_ = sock;
  });
}

void ListenBacklog::Raise(int backlog) const {
  if (sock_ != INVALID_SOCKET) (void)::listen(sock_, backlog);
}

}  // namespace jbr::serve
