#pragma once

#include "core/Delegation.h"

#include <QByteArray>

namespace mandate {

class CanonicalJsonWriter;

// A delegation as the API shows it (DelegationCodec::toJson), written straight into canonical JSON
// bytes: every decision's live event carries the delegation's new state, and building it as a
// QJsonObject first cost ten times the writing. tst_DelegationCodec holds the two forms equal.
class DelegationCanonical
{
public:
    static QByteArray bytes(const Delegation &delegation);
    // A chain link as the delegation and the audit event both carry it.
    static void writeChainLink(CanonicalJsonWriter &out, const ChainLink &link);
};

} // namespace mandate
