// One newsdesk-fcgi worker: accepts FastCGI requests on a listening socket and
// answers each as newsdesk.cgi would (searcher/cgi/cgi_app.h), byte for byte,
// with its databases kept open between requests.
#pragma once

#include "searcher/cgi/cgi_config.h"

namespace newsdesk {

// Answers requests on `listen_fd` until the socket fails or a SIGTERM; returns
// then. A request past config.time_limit gets newsdesk.cgi's 503 answer and
// the worker exits (its supervisor starts another): nothing else can stop a
// match that does not end.
void run_fcgi_worker(int listen_fd, const CgiConfig& config);

}  // namespace newsdesk
