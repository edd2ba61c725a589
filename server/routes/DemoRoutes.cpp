#include "server/routes/DemoRoutes.h"

#include "server/http/Problem.h"
#include "server/http/Router.h"
#include "server/instance/DemoSeeder.h"

namespace mandate::server {

namespace {

ApiResponse demoDirectory()
{
    QJsonArray people;
    for (const DemoSeeder::Person &person : DemoSeeder::people())
        people.append(QJsonObject{{QStringLiteral("username"), QString::fromLatin1(person.username)},
                                  {QStringLiteral("display_name"), QString::fromUtf8(person.displayName)},
                                  {QStringLiteral("roles"), QJsonArray{QString::fromLatin1(person.role)}}});
    return ApiResponse::json(200, {{QStringLiteral("password"), QString::fromLatin1(DemoSeeder::Password)},
                                   {QStringLiteral("people"), people}});
}

} // namespace

void DemoRoutes::registerRoutes(Router &router)
{
    // Registered on every server, so the route table (and the OpenAPI contract) does not depend
    // on a command-line flag.
    router.add("GET", QStringLiteral("/v1/demo"), Router::Access::Public,
               [this](ApiRequest &, Responder respond) {
                   respond(m_demo ? demoDirectory()
                                  : Problem::notFound(QStringLiteral("This is not a demo server.")));
               });
}

} // namespace mandate::server
