#include "run/run_store.h"

RunStore::RunStore(QObject* parent) : QObject(parent) {}

void RunStore::beginRun() {
    m_opening = true;
    m_live = -1;
}

void RunStore::update(const RunSnapshot& record) {
    if (!record || (!m_opening && m_live < 0)) return;
    if (m_opening) {
        m_opening = false;
        m_runs.push_back(record);
        m_live = size() - 1;
        emit runAdded(m_live);
        setCurrentIndex(m_live);
        return;
    }
    m_runs[size_t(m_live)] = record;
    if (m_current == m_live) emit currentChanged(record);
}

void RunStore::endRun() {
    m_opening = false;
    m_live = -1;
}

void RunStore::setCurrentIndex(int index) {
    if (index < 0 || index >= size()) return;
    m_current = index;
    emit currentChanged(at(index));
}
