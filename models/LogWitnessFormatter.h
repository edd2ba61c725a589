#pragma once

#include "client/LogWitness.h"
#include "core/LogError.h"

#include <QCoreApplication>
#include <QString>

namespace mandate::models {

// The console's witness in words: whether the server's audit log is still the one this console
// verified before, and what a proof of one event showed. Refusals name the check that failed, in
// the person's language (core's describe() is the command line's English).
class LogWitnessFormatter
{
    Q_DECLARE_TR_FUNCTIONS(mandate::models::LogWitnessFormatter)

public:
    static QString errorText(LogError error);
    static QString statusText(const client::LogWitness::Status &status);
    // Who the log is and which key the console trusts for it, for the status's tooltip.
    static QString statusDetails(const client::LogWitness::Status &status);
    static QString inclusionText(const client::LogWitness::InclusionCheck &check);
};

} // namespace mandate::models
