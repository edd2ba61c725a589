#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QJsonObject;

namespace mandate::client {

// Who to sign in as on a demo server (GET /v1/demo): the people it seeded and their password.
struct DemoDirectory
{
    struct Person
    {
        QString username;
        QString displayName;
        QStringList roles;
    };

    QString password;
    QList<Person> people;

    bool isEmpty() const { return people.isEmpty(); }

    // nullopt when the answer does not have the contract's shape (no password, a nameless person).
    static std::optional<DemoDirectory> fromJson(const QJsonObject &json);
};

} // namespace mandate::client
