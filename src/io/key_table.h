// Compact exact key sets for the import's whole-dataset checks (import_validation.h), which must
// remember every code, ID number and name key of a province (millions) without holding the rows.
//
// Owns: KeyTable, which gives each distinct byte string a dense id (0, 1, 2, ... in the order first
// seen) and keeps the strings in one arena (about 24 bytes a key besides its text), and U64Map, an
// open-addressing map from 64-bit keys to 32-bit values (about 23 bytes an entry).
// Must stay true: both are exact — two keys share an id or an entry only when they are equal
// (hashes only choose where to look); nothing is ever removed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace ansinh::io {

class KeyTable {
 public:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  // The id of `key`; a new one (the next dense id) when the key was not there, with *added set.
  std::uint32_t Intern(std::string_view key, bool* added = nullptr);
  // The id of `key`, or kNone.
  std::uint32_t Find(std::string_view key) const;
  std::string_view Key(std::uint32_t id) const {
    return {bytes_.data() + starts_[id], static_cast<std::size_t>(starts_[id + 1] - starts_[id])};
  }
  std::uint32_t size() const { return static_cast<std::uint32_t>(starts_.size() - 1); }
  std::size_t MemoryBytes() const;

 private:
  std::size_t Slot(std::string_view key, std::uint32_t hash) const;
  void Grow();

  std::vector<char> bytes_;                        // every key, one after another
  std::vector<std::uint64_t> starts_{0};           // key i is bytes_[starts_[i], starts_[i + 1])
  // (hash << 32) | (id + 1); 0 empty. The hash beside the id spares a probe a look elsewhere.
  std::vector<std::uint64_t> slots_ = std::vector<std::uint64_t>(1024, 0);
};

class U64Map {
 public:
  // Inserts (key, value) when the key is new and returns nullptr; otherwise returns the value
  // stored first for the key (and keeps it).
  const std::uint32_t* InsertOrFind(std::uint64_t key, std::uint32_t value);
  const std::uint32_t* Find(std::uint64_t key) const;
  std::size_t size() const { return size_; }
  std::size_t MemoryBytes() const { return entries_.capacity() * sizeof(Entry); }

 private:
  struct Entry {
    std::uint64_t key = 0;
    std::uint32_t value = 0;
    bool used = false;
  };
  std::size_t SlotOf(std::uint64_t key) const;
  void Grow();

  std::vector<Entry> entries_ = std::vector<Entry>(1024);
  std::size_t size_ = 0;
};

}  // namespace ansinh::io
