// Store connections for the server's threads: a Store is one connection used by one thread at a
// time, so each request borrows one (opening a new one when all are in use) and gives it back.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/store.h"

namespace jbr::portal {

class StorePool {
 public:
  explicit StorePool(std::string url, size_t keep = 16) : url_(std::move(url)), keep_(keep) {}

  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Store> s) : pool_(pool), store_(std::move(s)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (store_) pool_->Return(std::move(store_));
    }
    Store* operator->() { return store_.get(); }
    Store* get() { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
  };

  Result<Lease> Borrow();

 private:
  void Return(std::unique_ptr<Store> s);
  std::string url_;
  size_t keep_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Store>> idle_;
};

}  // namespace jbr::portal
