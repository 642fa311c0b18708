// A longer listen queue for a cpp-httplib server. Debian's compiled cpp-httplib listens with a
// backlog of 5: when more clients than that connect at once (64 keep-alive connections of wrk, or
// browsers reconnecting after keep-alive ends), the kernel drops their SYNs and they wait for a
// retransmit of 1 s or more (bench/README.md, "The portal"). Linux takes a second listen() on a
// listening socket as its new backlog, capped by net.core.somaxconn.
#pragma once

#include <httplib.h>

namespace jbr::serve {

class ListenBacklog {
 public:
  // Before the bind: remembers the listening socket as the server creates it (its socket options
  // stay httplib's defaults).
  void Watch(httplib::Server& server);
  // After the bind: sets the backlog. Does nothing when the server made no socket.
  void Raise(int backlog = 1024) const;

 private:
  socket_t sock_ = INVALID_SOCKET;
};

}  // namespace jbr::serve
