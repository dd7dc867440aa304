#include "indexer/write/lane_budget.h"

#include <algorithm>
#include <limits>

namespace newsdesk {

void LaneBudget::open(BudgetedLane* lane) {
    std::unique_lock lock(m_mutex);
    if (m_used.contains(lane)) return;
    ++m_waiting;
    while (m_used.size() >= m_open_limit) {
        // A lane asked to close for each lane waiting for a slot.
        if (m_asked_to_close.size() < std::min(m_waiting, m_used.size())) {
            BudgetedLane* idle = nullptr;
            std::uint64_t oldest = std::numeric_limits<std::uint64_t>::max();
            for (const auto& [l, used] : m_used)
                if (used < oldest && !m_asked_to_close.contains(l)) {
                    idle = l;
                    oldest = used;
                }
            m_asked_to_close.insert(idle);
            idle->request_close();
        }
        m_slot_freed.wait(lock);
    }
    --m_waiting;
    m_used[lane] = ++m_clock;
    m_pending[lane] = 0;
}

bool LaneBudget::report(BudgetedLane* lane, std::size_t pending) {
    std::lock_guard lock(m_mutex);
    std::size_t& held = m_pending[lane];
    m_total = m_total - held + pending;
    held = pending;
    m_used[lane] = ++m_clock;
    m_asked.erase(lane);
    if (m_total <= m_limit) return false;
    BudgetedLane* most = nullptr;
    std::size_t largest = 0;
    for (const auto& [l, bytes] : m_pending)
        if (bytes > largest && !m_asked.contains(l)) {
            most = l;
            largest = bytes;
        }
    if (most == lane) return true;
    if (most) {
        m_asked.insert(most);
        most->request_commit();
    }
    return false;
}

void LaneBudget::closed(BudgetedLane* lane) {
    {
        std::lock_guard lock(m_mutex);
        if (const auto it = m_pending.find(lane); it != m_pending.end()) {
            m_total -= it->second;
            m_pending.erase(it);
        }
        m_used.erase(lane);
        m_asked.erase(lane);
        m_asked_to_close.erase(lane);
    }
    m_slot_freed.notify_all();
}

}  // namespace newsdesk
