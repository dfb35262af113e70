/**
 * A set of certificates indexed for signer lookup and path building.
 *
 * @module
 */
import { type Certificate, parseCertificate } from './certificate.ts';
import { type Name, nameKey } from './name.ts';

/** Certificates by identity, subject and key identifier. */
export class CertPool {
  readonly #byHash = new Map<string, Certificate>();
  readonly #bySubject = new Map<string, Certificate[]>();
  readonly #bySki = new Map<string, Certificate[]>();

  /** Adds certificates; undecodable ones are returned (not thrown). */
  addDer(ders: readonly Uint8Array[]): { added: Certificate[]; failed: number } {
    const added: Certificate[] = [];
    let failed = 0;
    for (const der of ders) {
      try {
        added.push(this.add(parseCertificate(der)));
      } catch {
        failed++;
      }
    }
    return { added, failed };
  }

  /** Adds one certificate (idempotent). */
  add(cert: Certificate): Certificate {
    const existing = this.#byHash.get(cert.sha256);
    if (existing) return existing;
    this.#byHash.set(cert.sha256, cert);
    push(this.#bySubject, nameKey(cert.subject), cert);
    if (cert.ski) push(this.#bySki, cert.ski, cert);
    return cert;
  }

  /** Whether the pool holds exactly this certificate. */
  has(cert: Certificate): boolean {
    return this.#byHash.has(cert.sha256);
  }

  /** Certificates whose subject matches `name`. */
  bySubject(name: Name): Certificate[] {
    return this.#bySubject.get(nameKey(name)) ?? [];
  }

  /** Certificates with this subjectKeyIdentifier (hex). */
  bySki(ski: string): Certificate[] {
    return this.#bySki.get(ski.toLowerCase()) ?? [];
  }

  /** Certificates with this issuer name and serial. */
  byIssuerSerial(issuer: Name, serialHex: string): Certificate[] {
    const key = nameKey(issuer);
    return this.all().filter((c) => c.serialHex === serialHex && nameKey(c.issuer) === key);
  }

  /** Every certificate. */
  all(): Certificate[] {
    return [...this.#byHash.values()];
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
