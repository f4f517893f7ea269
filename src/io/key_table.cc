#include "io/key_table.h"

#include <cstring>

namespace ansinh::io {
namespace {

// FNV-1a, folded to 32 bits: keys are short codes and names, and only pick a slot.
std::uint32_t HashBytes(std::string_view key) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : key) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

std::uint64_t Mix64(std::uint64_t x) {  // splitmix64's finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

}  // namespace

std::size_t KeyTable::Slot(std::string_view key, std::uint32_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const std::uint64_t s = slots_[i];
    if (s == 0) return i;
    // The hash sits in the slot: a probe past another key costs no look at that key's records.
    if (static_cast<std::uint32_t>(s >> 32) != hash) continue;
    const std::string_view stored = Key(static_cast<std::uint32_t>(s) - 1);
    if (stored.size() == key.size() && std::memcmp(stored.data(), key.data(), key.size()) == 0) {
      return i;
    }
  }
}

void KeyTable::Grow() {
  std::vector<std::uint64_t> slots(slots_.size() * 2, 0);
  const std::size_t mask = slots.size() - 1;
  for (std::uint64_t s : slots_) {
    if (s == 0) continue;
    std::size_t i = (s >> 32) & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = s;
  }
  slots_ = std::move(slots);
}

std::uint32_t KeyTable::Intern(std::string_view key, bool* added) {
  const std::uint32_t hash = HashBytes(key);
  std::size_t slot = Slot(key, hash);
  if (slots_[slot] != 0) {
    if (added != nullptr) *added = false;
    return static_cast<std::uint32_t>(slots_[slot]) - 1;
  }
  const std::uint32_t id = size();
  bytes_.insert(bytes_.end(), key.begin(), key.end());
  starts_.push_back(bytes_.size());
  slots_[slot] = (static_cast<std::uint64_t>(hash) << 32) | (id + 1);
  if (added != nullptr) *added = true;
  if (static_cast<std::size_t>(size()) * 2 > slots_.size()) Grow();  // load at most 1/2
  return id;
}

std::uint32_t KeyTable::Find(std::string_view key) const {
  const std::uint64_t s = slots_[Slot(key, HashBytes(key))];
  return s == 0 ? kNone : static_cast<std::uint32_t>(s) - 1;
}

std::size_t KeyTable::MemoryBytes() const {
  return bytes_.capacity() + starts_.capacity() * sizeof(std::uint64_t) +
         slots_.capacity() * sizeof(std::uint64_t);
}

std::size_t U64Map::SlotOf(std::uint64_t key) const {
  const std::size_t mask = entries_.size() - 1;
  for (std::size_t i = Mix64(key) & mask;; i = (i + 1) & mask) {
    if (!entries_[i].used || entries_[i].key == key) return i;
  }
}

void U64Map::Grow() {
  std::vector<Entry> old = std::move(entries_);
  entries_.assign(old.size() * 2, Entry{});
  for (const Entry& e : old) {
    if (e.used) entries_[SlotOf(e.key)] = e;
  }
}

const std::uint32_t* U64Map::InsertOrFind(std::uint64_t key, std::uint32_t value) {
  Entry& e = entries_[SlotOf(key)];
  if (e.used) return &e.value;
  e = Entry{key, value, true};
  if (++size_ * 10 > entries_.size() * 7) Grow();  // load at most 0.7
  return nullptr;
}

const std::uint32_t* U64Map::Find(std::uint64_t key) const {
  const Entry& e = entries_[SlotOf(key)];
  return e.used ? &e.value : nullptr;
}

}  // namespace ansinh::io
