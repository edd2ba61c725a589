#pragma once

#include "core/Expected.h"

#include <QString>

namespace mandate {

// "kind:id" with an optional trailing "*" wildcard: "account:acc_1", "dataset:crm/*".
// Used for scope resources and destination allowlists.
class ResourcePattern
{
public:
    ResourcePattern() = default;

    static Expected<ResourcePattern, QString> parse(QStringView text);

    const QString &text() const { return m_text; }
    bool isWildcard() const { return m_text.endsWith(u'*'); }

    // Does this pattern admit the concrete resource (or, for a wildcard request, every resource
    // the request could name)?
    bool matches(QStringView resource) const;
    // Is every resource admitted by `other` also admitted by this one? (attenuation)
    bool covers(const ResourcePattern &other) const;
    // Is there a resource both patterns admit?
    bool overlaps(const ResourcePattern &other) const { return covers(other) || other.covers(*this); }

    friend bool operator==(const ResourcePattern &, const ResourcePattern &) = default;

private:
    explicit ResourcePattern(QString text)
        : m_text(std::move(text))
    {}
    QString m_text;
};

} // namespace mandate
