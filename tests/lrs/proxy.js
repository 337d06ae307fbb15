// proxy.js - what a network and an LRS can do wrong, put between verbeeld and the real LRS of
// tests/lrs/run.sh: node proxy.js PORT LRS_PORT [--die-after N] [--hang-after N]
// [--auth KEY:SECRET] [--refuse ID]. It forwards every request to the LRS on 127.0.0.1:LRS_PORT,
// except: after N requests it goes away (--die-after: the port then refuses) or stops answering
// (--hang-after); without KEY:SECRET it answers 401 as Learning Locker does (whose test
// authentication takes any); a request holding statement ID gets Learning Locker's 400.
// It listens on the loopback address only and prints "ready" once it does.
'use strict';
const http = require('http');
const [port, target] = process.argv.slice(2, 4).map(Number);
const opt = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const dieAfter = opt('--die-after') !== undefined ? Number(opt('--die-after')) : Infinity;
const hangAfter = opt('--hang-after') !== undefined ? Number(opt('--hang-after')) : Infinity;
const auth = opt('--auth');
const refuse = opt('--refuse');
let served = 0;

function answer(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'X-Experience-API-Version': '1.0.3' });
  res.end(JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    if (served >= hangAfter) return;                 // never answered: the client's time runs out
    served++;
    const body = Buffer.concat(chunks);
    if (auth && req.headers.authorization !== 'Basic ' + Buffer.from(auth).toString('base64'))
      return answer(res, 401, { errorId: 'proxy', message: 'Unauthorised' });
    if (refuse && body.toString().includes(refuse))
      return answer(res, 400, { errorId: 'proxy', warnings: ["Problem in 'statements.0.verb.id'. Received '\"refused by the test\"'"] });
    const up = http.request({ host: '127.0.0.1', port: target, method: req.method, path: req.url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
      r.on('end', () => { if (served >= dieAfter) { server.close(); setImmediate(() => process.exit(0)); } });
    });
    up.on('error', () => answer(res, 502, { message: 'the LRS behind the proxy is gone' }));
    up.end(body);
  });
});
server.keepAliveTimeout = 1;
server.listen(port, '127.0.0.1', () => console.log('ready'));
setTimeout(() => process.exit(0), 300000).unref();     // a test that forgets it does not leave it running
