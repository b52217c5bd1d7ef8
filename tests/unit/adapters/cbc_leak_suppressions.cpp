// LeakSanitizer suppressions for COIN-OR's own code, compiled into unit_tests so that every way of
// running them (ctest, scripts/run-tests.sh, by hand) uses the same list. Only leaks inside CBC's
// libraries belong here, each with where it was seen; never our own.
//
// Both are in the LP presolve of libCoinUtils 2.11.4 (Debian), reached from ClpPresolve::presolve in
// ClpSimplex::initialSolve <- OsiClpSolverInterface::initialSolve <- CbcModel::initialSolve <- CbcMain1,
// and seen in CbcSolverProperties on random programs (a few hundred bytes per affected solve):
// - presolve_dupmajor: an array it returns is not freed on one path of doubleton_action::presolve;
// - implied_free_action::presolve: an array it allocates with new[] is not freed on one path.

#if defined(__SANITIZE_ADDRESS__)
#define COVALUE_LSAN_HOOK 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define COVALUE_LSAN_HOOK 1
#endif
#endif

#ifdef COVALUE_LSAN_HOOK
// LeakSanitizer reads this hook at start-up (in addition to LSAN_OPTIONS=suppressions=...).
extern "C" const char* __lsan_default_suppressions() {
  return "leak:presolve_dupmajor\nleak:implied_free_action::presolve\n";
}
#endif
