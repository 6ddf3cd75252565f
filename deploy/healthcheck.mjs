// The container's HEALTHCHECK: GET /healthz on the port and address the server listens on (an unspecified address
// is reached through loopback). Exit 0 when it answers 200, 1 otherwise, within 2 s.
const port = process.env.HIRINGCENTER_HTTP_PORT || '8787';
const configured = process.env.HIRINGCENTER_HTTP_HOST || '127.0.0.1';
const host =
  configured === '0.0.0.0' ? '127.0.0.1' : configured === '::' ? '[::1]' : configured.includes(':') ? `[${configured}]` : configured;
fetch(`http://${host}:${port}/healthz`, { signal: AbortSignal.timeout(2000) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);
