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
    const int ended = m_live;
    m_opening = false;
    m_live = -1;
    if (ended >= 0) emit runEnded(ended);
}

void RunStore::addRun(const RunSnapshot& record) {
    if (!record) return;
    m_runs.push_back(record);
    emit runAdded(size() - 1);
    setCurrentIndex(size() - 1);
}

void RunStore::replaceRun(int index, const RunSnapshot& record) {
    if (!record || index < 0 || index >= size() || index == m_live) return;
    m_runs[size_t(index)] = record;
    if (index == m_current) emit currentChanged(record);
}

void RunStore::setCurrentIndex(int index) {
    if (index < 0 || index >= size()) return;
    m_current = index;
    emit currentChanged(at(index));
}
