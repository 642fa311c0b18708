#include "portal/store_pool.h"

namespace jbr::portal {

Result<StorePool::Lease> StorePool::Borrow() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      auto s = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(s));
    }
  }
  JBR_ASSIGN_OR_RETURN(auto s, Store::Open(url_));
  return Lease(this, std::move(s));
}

void StorePool::Return(std::unique_ptr<Store> s) {
  std::lock_guard<std::mutex> lock(mu_);
  if (idle_.size() < keep_) idle_.push_back(std::move(s));
}

}  // namespace jbr::portal
