#include "extractors/sha256.h"

#include <gtest/gtest.h>

#include <string>

namespace uprx::extractors {
namespace {

struct Vector {
  std::string message;
  std::string digest;
};

// FIPS 180-4 examples and NIST CAVP short-message vectors.
const Vector kVectors[] = {
    {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
    {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
    {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
    {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqr"
     "lmnopqrsmnopqrstnopqrstu",
     "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
    {std::string(1000000, 'a'), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
    // Lengths around the padding boundary: 55 bytes fit one block, 56 need a second.
    {std::string(55, 'a'), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
    {std::string(56, 'a'), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
    {std::string(64, 'a'), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
};

TEST(Sha256, MatchesKnownVectors) {
  for (const Vector& v : kVectors) {
    EXPECT_EQ(Sha256Hex(v.message), v.digest) << "message of " << v.message.size() << " bytes";
  }
}

TEST(Sha256, IncrementalUpdatesEqualOneShot) {
  const std::string message(1000, 'x');
  for (std::size_t split : {0u, 1u, 55u, 63u, 64u, 65u, 999u}) {
    Sha256 hash;
    hash.Update(std::string_view(message).substr(0, split));
    hash.Update(std::string_view(message).substr(split));
    EXPECT_EQ(hash.HexDigest(), Sha256Hex(message)) << "split at " << split;
  }
}

TEST(Sha256, HashesBytesIncludingNul) {
  EXPECT_EQ(Sha256Hex(std::string("\x00\xff\x80", 3)),
            "f742b965f156c10374bc23aea96e3a8aff8facd6fc079defeaa30219ad86f211");
}

}  // namespace
}  // namespace uprx::extractors
