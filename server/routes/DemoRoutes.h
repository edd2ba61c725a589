#pragma once

namespace mandate::server {

class Router;

// GET /v1/demo: on a server started with --demo, who to sign in as, so that a console pointed at
// it can say so instead of leaving a newcomer at an empty sign-in. Any other server answers 404,
// as if the route were not there.
class DemoRoutes
{
public:
    explicit DemoRoutes(bool demo)
        : m_demo(demo)
    {}

    void registerRoutes(Router &router);

private:
    bool m_demo;
};

} // namespace mandate::server
