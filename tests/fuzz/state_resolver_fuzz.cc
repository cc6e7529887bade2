// Fuzz target: the State resolver and its lookup key over any name as written.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "extractors/state_resolver.h"
#include "tests/fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using uprx::extractors::StateResolver;
  const std::string_view name = uprx::fuzz::AsText(data, size);
  const StateResolver& states = StateResolver::Default();
  if (const auto record = states.Resolve(name)) {
    // A resolved State is one the resolver also knows by its code.
    if (!states.ByIso3(record->iso3)) std::abort();
  }
  (void)states.ByIso3(name);
  (void)uprx::extractors::StateKey(name);
  return 0;
}
