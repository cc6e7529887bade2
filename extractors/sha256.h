// SHA-256 (FIPS 180-4) of a byte string, so that every document can be named by the hash of the
// bytes it was read from without linking a crypto library.
//
//   std::string hex = uprx::extractors::Sha256Hex(bytes);  // 64 lowercase hex digits
//
//   Sha256 hash;                  // or incrementally, for data that arrives in pieces
//   hash.Update(part1); hash.Update(part2);
//   std::string hex = hash.HexDigest();
#ifndef UPRX_EXTRACTORS_SHA256_H_
#define UPRX_EXTRACTORS_SHA256_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace uprx::extractors {

class Sha256 {
 public:
  using Digest = std::array<std::uint8_t, 32>;

  Sha256();
  // Appends `data` to the message. Not to be called after Finish()/HexDigest().
  void Update(std::string_view data);
  // Pads the message and returns the digest; the object is spent afterwards.
  Digest Finish();
  // Finish() as 64 lowercase hex digits.
  std::string HexDigest();

 private:
  void Compress(const std::uint8_t* block);

  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_bytes_ = 0;
};

// The SHA-256 of `data` as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view data);

}  // namespace uprx::extractors

#endif  // UPRX_EXTRACTORS_SHA256_H_
