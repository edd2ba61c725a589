#pragma once

#include "client/MandateApi.h"
#include "core/Delegation.h"

#include <QObject>

namespace mandate::models {

// Fetches one delegation in full (with its children), dropping answers for a delegation the
// person has already moved away from.
class DelegationLoader : public QObject
{
    Q_OBJECT

public:
    explicit DelegationLoader(client::MandateApi &api, QObject *parent = nullptr);

    void load(const QString &id);

Q_SIGNALS:
    void loaded(const mandate::Delegation &delegation);
    void failed(const mandate::client::ApiError &error);

private:
    client::MandateApi &m_api;
    QString m_id;
    client::Reply<Delegation> m_reply;
};

} // namespace mandate::models
