import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { generate } from 'selfsigned';

/** Key and certificate in PEM form, as Node's TLS wants them. */
export interface TlsMaterial {
  readonly key: string;
  readonly cert: string;
}

/**
 * Returns the TLS key and certificate. When both paths are the default
 * generated file and it does not exist yet, a self-signed certificate
 * (RSA 2048, SHA-256, ten years, CN and SAN of this host, localhost and
 * 127.0.0.1) is generated into one PEM file holding both, as ganeti-rapi's
 * `rapi.pem` does; later starts reuse it.
 */
export async function ensureTlsMaterial(keyPath: string, certPath: string, generatedPath: string): Promise<TlsMaterial> {
  if (keyPath === generatedPath && certPath === generatedPath && !existsSync(generatedPath)) {
    const host = hostname();
    const notAfter = new Date(Date.now() + 10 * 365 * 24 * 3600 * 1000);
    const pems = await generate([{ name: 'commonName', value: host }], {
      keySize: 2048,
      algorithm: 'sha256',
      notAfterDate: notAfter,
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: host },
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
          ],
        },
      ],
    });
    mkdirSync(dirname(generatedPath), { recursive: true });
    writeFileSync(generatedPath, pems.private + pems.cert, { mode: 0o600 });
    chmodSync(generatedPath, 0o600);
  }
  return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
}
