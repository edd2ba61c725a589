#pragma once

#include "core/Delegation.h"

#include <QByteArray>

namespace mandate::server {

// The JSON columns of a stored delegation: its policy (the grant as the customer made it), its
// chain, and its usage per scope. Written and read only by the server, never taken from clients.
class StoredDelegationCodec
{
public:
    static QByteArray writePolicy(const Delegation &delegation);
    static bool readPolicy(const QByteArray &json, Delegation &delegation);
    static QByteArray writeChain(const Delegation &delegation);
    static bool readChain(const QByteArray &json, Delegation &delegation);
    static QByteArray writeUsage(const Delegation &delegation);
    static bool readUsage(const QByteArray &json, Delegation &delegation);
};

} // namespace mandate::server
