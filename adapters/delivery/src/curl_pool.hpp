#pragma once

// A pool of libcurl easy handles: a send borrows one, so concurrent senders each have their own, and a
// handle that goes back keeps its open connection for the next send (connection reuse).

#include <curl/curl.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace covalue::adapters::delivery {

//! Frees an easy handle (and closes its connections).
struct CurlDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
using CurlPtr = std::unique_ptr<CURL, CurlDeleter>;

//! Frees a header or recipient list.
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using SlistPtr = std::unique_ptr<curl_slist, SlistDeleter>;

//! Idle easy handles, shared by threads.
class CurlPool {
 public:
  //! A handle borrowed from the pool, given back when it dies.
  class Lease {
   public:
    Lease(CurlPool& pool, CurlPtr handle) : pool_(&pool), handle_(std::move(handle)) {}
    ~Lease() {
      if (handle_) {
        pool_->give_back(std::move(handle_));
      }
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;

    //! The handle (null when libcurl could not make one).
    [[nodiscard]] CURL* get() const { return handle_.get(); }

   private:
    CurlPool* pool_;
    CurlPtr handle_;
  };

  //! An idle handle, or a new one when all are in use.
  [[nodiscard]] Lease borrow() {
    {
      const std::lock_guard lock(mutex_);
      if (!idle_.empty()) {
        CurlPtr handle = std::move(idle_.back());
        idle_.pop_back();
        return {*this, std::move(handle)};
      }
    }
    return {*this, CurlPtr(curl_easy_init())};
  }

 private:
  void give_back(CurlPtr handle) {
    const std::lock_guard lock(mutex_);
    idle_.push_back(std::move(handle));
  }

  std::mutex mutex_;
  std::vector<CurlPtr> idle_;
};

//! The text of a libcurl error: the error buffer when it says something, else curl_easy_strerror.
[[nodiscard]] inline std::string curl_error_text(CURLcode code, const char* buffer) {
  return buffer != nullptr && buffer[0] != '\0' ? std::string(buffer) : std::string(curl_easy_strerror(code));
}

}  // namespace covalue::adapters::delivery
