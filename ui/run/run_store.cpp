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
        m_names.emplace_back();
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
    if (ended >= 0) emit runFinished(ended);
}

void RunStore::setName(int index, const QString& name) {
    if (index < 0 || index >= size() || m_names[size_t(index)] == name) return;
    m_names[size_t(index)] = name;
    emit runRenamed(index);
}

int RunStore::indexOf(const QString& name) const {
    for (int i = 0; i < size(); ++i)
        if (m_names[size_t(i)] == name) return i;
    return -1;
}

int RunStore::add(const RunSnapshot& record, const QString& name) {
    m_runs.push_back(record);
    m_names.push_back(name);
    const int index = size() - 1;
    emit runAdded(index);
    if (m_current < 0) setCurrentIndex(index);
    return index;
}

void RunStore::remove(int index) {
    if (index < 0 || index >= size() || index == m_live) return;
    m_runs.erase(m_runs.begin() + index);
    m_names.erase(m_names.begin() + index);
    if (m_live > index) --m_live;
    const bool wasCurrent = m_current == index;
    if (m_current > index || (wasCurrent && m_current == size())) --m_current;
    emit runRemoved(index);
    if (wasCurrent) emit currentChanged(current());
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
