// Mounts GraphiQL into div#graphiql. Loaded as an external file (no inline
// script) so the page works under `script-src 'self'`.
(function () {
  'use strict';

  var endpoint = '/graphql';

  // POST /graphql with same-origin cookies; returns the parsed JSON body even
  // for non-2xx statuses, since GraphQL-over-HTTP servers put errors there.
  function fetcher(graphQLParams, opts) {
    var headers = {
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
    };
    var extra = (opts && opts.headers) || {};
    Object.keys(extra).forEach(function (k) {
      headers[k] = extra[k];
    });
    return fetch(endpoint, {
      method: 'POST',
      credentials: 'same-origin',
      headers: headers,
      body: JSON.stringify(graphQLParams),
    }).then(function (res) {
      return res.text().then(function (text) {
        try {
          return JSON.parse(text);
        } catch (e) {
          return {
            errors: [
              { message: 'HTTP ' + res.status + ': non-JSON response: ' + text.slice(0, 500) },
            ],
          };
        }
      });
    });
  }

  var defaultQuery = '# Welcome to Yishi GraphiQL\n{\n  viewer {\n    id\n    name\n  }\n}\n';

  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: defaultQuery,
    })
  );
})();
