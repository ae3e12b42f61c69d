import { secureHeaders } from 'hono/secure-headers';

/**
 * The portal runs no script at all, so scripts are refused outright; styles come only from
 * the app's own stylesheet, and no other site may frame its pages.
 */
export const CONTENT_SECURITY_POLICY: Record<'defaultSrc' | 'scriptSrc' | 'styleSrc' | 'imgSrc' | 'fontSrc' | 'connectSrc' | 'formAction' | 'baseUri' | 'frameAncestors', string[]> = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
};

export function securityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    xFrameOptions: 'DENY',
    referrerPolicy: 'strict-origin-when-cross-origin',
    // Plain HTTP on localhost is the default deployment; HSTS belongs to the TLS terminator.
    strictTransportSecurity: false,
    // Reads are open to other origins (CORS); the API sets its own resource policy.
    overwrite: false,
  });
}
