#pragma once

// libcurl and libsodium each need one global initialisation before first use, done once per process.

namespace covalue::adapters::delivery {

//! Initialises libsodium once (thread-safe); every function here that uses it calls this first.
void init_sodium();

//! Initialises libcurl (and libsodium) once (thread-safe); the mailer and poster call this when made.
void init_curl();

}  // namespace covalue::adapters::delivery
