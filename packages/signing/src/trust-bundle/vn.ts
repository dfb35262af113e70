/**
 * Opt-in Vietnamese CA certificates (signatures.md §3.1). **Nothing here is trusted by default**:
 * pass the roots you choose to {@link verifyPdf} as `trustAnchors`.
 *
 * WARNING: these certificates were copied from a third-party public repository
 * (`nguyentvtk/eSign.Files@dd3c0b29`, folder `server/trust/`), not downloaded from the issuing
 * authorities. Before trusting any of them in production, confirm each SHA-256 fingerprint below
 * against the official publications: rootca.gov.vn (NEAC: Vietnam National Root CA and the public
 * CAs under it) and ca.gov.vn (Ban Cơ yếu Chính phủ: the government-dedicated PKI). The 2025
 * national root (Ministry of Science and Technology), the G1 government root and the other public
 * CAs' intermediates are not included; add them as PEM yourself (the trust store is data, updatable
 * without a code release).
 *
 * | Name | Role | SHA-256 fingerprint |
 * |---|---|---|
 * | `vietnamNationalRootCa` | root: Vietnam National Root CA (NEAC, Ministry of Information and Communications name, 2014–2039) | `bac8bf609ab420a8ee1780d74f4de5c7f7184959d2a7375b0a75e4c29f0908e7` |
 * | `vnptCaSha2` | intermediate: VNPT-CA SHA2 (issued by Vietnam National Root CA, 2024–2029) | `7d6ba5245317f9ed5d8bc765a4634d26ac6340d36b9f584df3b52d9c4a81a306` |
 * | `rootCaChuyenDungChinhPhuG2` | root: RootCA chuyên dùng Chính phủ G2 (Ban Cơ yếu Chính phủ, 2018–2048) | `f04ba4b459a7c9a1b971ad9b1cb833e695a80c79aea63b174b66a70edfe2fdb8` |
 * | `caPhucVuCacCoQuanNhaNuocG2` | intermediate: CA phục vụ các cơ quan Nhà nước G2 (issued by RootCA G2, 2018–2048) | `d8cab7a4aef92e6bb2509d7c61cee7b44f3731b2d21074963530277b366fae4b` |
 *
 * @module
 */

/**
 * One bundled certificate.
 *
 * @example
 * ```ts
 * import { vietnameseTrustBundle } from '@motcua/signing';
 * for (const c of vietnameseTrustBundle) console.log(c.name, c.sha256);
 * ```
 * @category Trust
 */
export interface BundledCertificate {
  /** Stable identifier. */
  name: string;
  /** `root` (self-signed, a candidate trust anchor) or `intermediate` (for path building only). */
  role: 'root' | 'intermediate';
  /** Which PKI: the public-CA hierarchy under NEAC, or the government-dedicated PKI (VGCA). */
  pki: 'public' | 'government';
  /** Description. */
  description: string;
  /** SHA-256 fingerprint of the DER, lower-case hex: confirm it against rootca.gov.vn / ca.gov.vn. */
  sha256: string;
  /** The certificate, PEM. */
  pem: string;
}

/**
 * The bundled Vietnamese CA certificates (unconfirmed copies; see the module warning).
 *
 * @example
 * ```ts
 * import { verifyPdf, vietnameseTrustBundle } from '@motcua/signing';
 * declare const pdf: Uint8Array;
 * const roots = vietnameseTrustBundle.filter((c) => c.role === 'root').map((c) => c.pem);
 * const intermediates = vietnameseTrustBundle.filter((c) => c.role === 'intermediate').map((c) => c.pem);
 * const report = await verifyPdf(pdf, { trustAnchors: roots, intermediates });
 * ```
 * @category Trust
 */
export const vietnameseTrustBundle: readonly BundledCertificate[] = Object.freeze([
  {
    name: 'vietnamNationalRootCa',
    role: 'root',
    pki: 'public',
    description: 'Vietnam National Root CA (NEAC, Ministry of Information and Communications name, 2014–2039)',
    sha256: 'bac8bf609ab420a8ee1780d74f4de5c7f7184959d2a7375b0a75e4c29f0908e7',
    pem: '-----BEGIN CERTIFICATE-----\nMIIG/DCCBOSgAwIBAgIRAJWSu4zurVokprj3HX0yO1owDQYJKoZIhvcNAQELBQAw\ngaMxCzAJBgNVBAYTAlZOMTMwMQYDVQQKDCpNaW5pc3RyeSBvZiBJbmZvcm1hdGlv\nbiBhbmQgQ29tbXVuaWNhdGlvbnMxPDA6BgNVBAsMM05hdGlvbmFsIENlbnRyZSBv\nZiBEaWdpdGFsIFNpZ25hdHVyZSBBdXRoZW50aWNhdGlvbjEhMB8GA1UEAwwYVmll\ndG5hbSBOYXRpb25hbCBSb290IENBMB4XDTE0MDQxNTE2MjkyMFoXDTM5MDQxNTE2\nMjkyMFowgaMxCzAJBgNVBAYTAlZOMTMwMQYDVQQKDCpNaW5pc3RyeSBvZiBJbmZv\ncm1hdGlvbiBhbmQgQ29tbXVuaWNhdGlvbnMxPDA6BgNVBAsMM05hdGlvbmFsIENl\nbnRyZSBvZiBEaWdpdGFsIFNpZ25hdHVyZSBBdXRoZW50aWNhdGlvbjEhMB8GA1UE\nAwwYVmlldG5hbSBOYXRpb25hbCBSb290IENBMIICIjANBgkqhkiG9w0BAQEFAAOC\nAg8AMIICCgKCAgEAuKxaewgw2XB6afUf4zeVThQDl/G9xj56UoT+8KbW7BeIjkUe\nvwlUmK5/j4HQaIuNg7g9oiQaU2Gt7WM/fTR8p/PkQT7yzuY0uLzSxUO3d8LxBnFR\nhz/5Vnk6cfWcsZUwCEgU/LHrnVuRjIYsffdc3YDgUJkcbnnxRq6zTF9BG2xH3f3C\n68C4Y3yERae5MCukpNELXh6GctRR2FkShFeITzJUZSguCEJJAj5qYW3rakJud4Xj\nFFVgMnl6+78PYxvlAA8oFQrUbAywWq6Lzn6zcpo+OZuWfF7NFVGEcAtDuN1oyvst\n+H68f6giZ4+dKI4dBcrFkYJ+ptf98+Dev/Ij6onjOLgVgE/6LwprDIVY7X0vdqGG\n7Nbh6gaeugCG5/mYtIVkHhwPK+KcTPETYZJDYxT3rUIahaYh1Qp+LfEDXTJI2XGK\ney9lBkmFgdGpZY65p3xvrYW+NHccbtPsR+swcuuGRV7UP/ndmRX08GiaMTfKrkR7\nV5RvferDiQ/vezfq2hDPHizFaqxtImTUu8wFvXGbo11hsrqLCaKQxZToonYp7ECV\nYFDueuL7E6Up4cXler1qLvp3w+QZVR4r58IKvxVrtHaRiZUsbDa335dAlWjgaJI8\nQWZ4HOHVZLQjrX+JkjDPJTMHNxuMEkElrCSF3rXqUKZ/JMvqKeY16jQDaH0CAwEA\nAaOCAScwggEjMA4GA1UdDwEB/wQEAwIBhjAPBgNVHRMBAf8EBTADAQH/MB0GA1Ud\nDgQWBBR+8Iftsbid+wiDb6QW/fG4rGKbATCB4AYDVR0jBIHYMIHVgBR+8Iftsbid\n+wiDb6QW/fG4rGKbAaGBqaSBpjCBozELMAkGA1UEBhMCVk4xMzAxBgNVBAoMKk1p\nbmlzdHJ5IG9mIEluZm9ybWF0aW9uIGFuZCBDb21tdW5pY2F0aW9uczE8MDoGA1UE\nCwwzTmF0aW9uYWwgQ2VudHJlIG9mIERpZ2l0YWwgU2lnbmF0dXJlIEF1dGhlbnRp\nY2F0aW9uMSEwHwYDVQQDDBhWaWV0bmFtIE5hdGlvbmFsIFJvb3QgQ0GCEQCVkruM\n7q1aJKa49x19MjtaMA0GCSqGSIb3DQEBCwUAA4ICAQBNNunXKvYvaxzgOPbKsmJL\nZ1gqHpJeHzT74IzBHDgp8bgbLDtqH+PZV+w7DwvfZD8xuFKQJz9v5TDpz/CYwrhA\n+BUsxyMbzS6Kv1lNa42Ja63BlEQ1AAVY+ZX3mFbVumOV43kLQgzQayYKPolq1o7Q\nxz3l2zgzhg4o436Vfek8Lrh/WcP5ezyC8Tt7VCaUOl/fuSaCPYvZbV7bZw/Eyj4x\nK1ud7Uq2Op54vSTegoh0+ZW28SQEgH49BjyjQTv56sTRolWZ4WxbHtbBJwTj7vli\nksebvvljoRYo9wg29AuY/Arw3NNhTyIbUFO75colaaF8i+5aAvmPQzfIk9m1bzK1\n5VOk8t8QnV8i4I42jDLbVzbZFQZHbLL8gj+LTHVZc9sfKmfhkH2HDsngb6UvKDuW\nHB5+XQ5QoSiyGVJ0MeUYohPI6cghZXbIflHGyse9hbARM7Ubrisf/P//FDLlJ3UL\n7+aLIk9fw6n7Wy0WcgN+QxjfdxUM9VSCx705+uX/aN4y0g5LMNChDOzpBYUg6smm\n8A0W2LIAMw0Q9U9TLnHO8Ovw3ikuO5rfTSWwbYmyt15NsFp8LM/Q0Nu9QqaMNNy2\n3YbQZZlfFormI9ioWEpjDbWqU9YyH6oHpGjsBbSoR4G0IUsfxaDdE3CXIx48pRol\nSddeayvR5sdOsNrhJOAFwg==\n-----END CERTIFICATE-----\n',
  },
  {
    name: 'vnptCaSha2',
    role: 'intermediate',
    pki: 'public',
    description: 'VNPT-CA SHA2 (issued by Vietnam National Root CA, 2024–2029)',
    sha256: '7d6ba5245317f9ed5d8bc765a4634d26ac6340d36b9f584df3b52d9c4a81a306',
    pem: '-----BEGIN CERTIFICATE-----\nMIIHMTCCBRmgAwIBAgIRAPxPdBtLwIlsrGAboi6avwQwDQYJKoZIhvcNAQELBQAw\ngaMxCzAJBgNVBAYTAlZOMTMwMQYDVQQKDCpNaW5pc3RyeSBvZiBJbmZvcm1hdGlv\nbiBhbmQgQ29tbXVuaWNhdGlvbnMxPDA6BgNVBAsMM05hdGlvbmFsIENlbnRyZSBv\nZiBEaWdpdGFsIFNpZ25hdHVyZSBBdXRoZW50aWNhdGlvbjEhMB8GA1UEAwwYVmll\ndG5hbSBOYXRpb25hbCBSb290IENBMB4XDTI0MDgzMDAzMjI1N1oXDTI5MDgzMDAz\nMjI1N1owWTEVMBMGA1UEAwwMVk5QVC1DQSBTSEEyMTMwMQYDVQQKDCpWSUVUTkFN\nIFBPU1RTIEFORCBURUxFQ09NTVVOSUNBVElPTlMgR1JPVVAxCzAJBgNVBAYTAlZO\nMIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEA1XQIJjEFlpyXbJN0KkWJ\nxea3Dn/6fyF92gz+zuf9WLrtPUPBEe1Vn8NUt9YMg4zQXkFzbO4iX/1tyqK8O7/H\nwugJ1SyMLli/MAbkwKIOaA/XV+h/XHsv464slLDEtBCtvr02HJiHF6S9Mb+11X41\nuMZpz6GS4AmwojH37nZ4LZfQzgTmOHd9lJoyadmJEqQWZ1DMEyPILmjqdZ+miQiD\nHcjYLrmfUeQ9tyoVQa+U8bKBK9ZZuq1RCGapJqbptWYjlstJOd7b/fLRaWl4yR/v\nv2NMIbg9+ECpq/iWi3SQZ1YsmVPT3x74c0ZM5jMOwdFvRI+gHUqG9Ov0aCy5fpVN\nVirUSmyWitP9V0OoY67W/iXQWdi7I0KP1azZwHKcpmAZJqEzeBWtpXf/LYl84pyE\nl8yHJtIjfcGwNiPbJ0GzqTCY9eAejCfoshCgNIqt0xcT0Mzlif3b071sNRVvevBO\ngiKX76rJ784dme4njx4IE1/mIX8ajpnvi5ZqumIq062EkfcnhLM58avHBEJoc3MF\nKxdrDxMnieK83YysqWNTAp0kWgxPdzs2MkkLOsTyfI6D1e54I31Q2VaUVltOxMhz\nzuVE55+d2QAQj4wPaFqKU0h9VR7CfE9c/tGbbebI8c52T31jEnnjqqhnGDK17M/J\nsoe86WsIQ6vWhHPJp5B1z78CAwEAAaOCAacwggGjMIHgBgNVHSMEgdgwgdWAFH7w\nh+2xuJ37CINvpBb98bisYpsBoYGppIGmMIGjMQswCQYDVQQGEwJWTjEzMDEGA1UE\nCgwqTWluaXN0cnkgb2YgSW5mb3JtYXRpb24gYW5kIENvbW11bmljYXRpb25zMTww\nOgYDVQQLDDNOYXRpb25hbCBDZW50cmUgb2YgRGlnaXRhbCBTaWduYXR1cmUgQXV0\naGVudGljYXRpb24xITAfBgNVBAMMGFZpZXRuYW0gTmF0aW9uYWwgUm9vdCBDQYIR\nAJWSu4zurVokprj3HX0yO1owDgYDVR0PAQH/BAQDAgGGMB0GA1UdDgQWBBRrlcTE\nKSPKJxPLBPD9dOrNvQj/wTBCBggrBgEFBQcBAQQ2MDQwMgYIKwYBBQUHMAKGJmh0\ndHBzOi8vcm9vdGNhLmdvdi52bi9jcnQvdm5yY2EyNTYucDdiMBIGA1UdEwEB/wQI\nMAYBAf8CAQAwNwYDVR0fBDAwLjAsoCqgKIYmaHR0cHM6Ly9yb290Y2EuZ292LnZu\nL2NybC92bnJjYTI1Ni5jcmwwDQYJKoZIhvcNAQELBQADggIBAJzyb6x6SgKyHvAc\neKEd/K6ZAMt3050IDeNHDBQ14rfED4So8N0TJ+pNbplvt+Fn/SRzsh0u7+aLodc/\nTsW47Xub5BoRaEidiD7bTfI75NjPeT9iUMStSvMmF9re3tBW9eBP1t8N4lULOu9m\n2yF4/Z4uuuFV1SR0zVc1+W0pIwm7uDRs2gpbxGA+PO+SW3Ep2KH2dSWjfP80wazr\nOZ1AlgQ1n+g3CftEvS076QgRY2zsNDETqNHum81MFRaWgMFzH7yLdY13Dxdzhaga\naCbsXpvTa69T6/tYLfts/AqFI18EyuvCg9iq4MeWW1/BBeiPVoo8mhSriNAPQVm8\ne722BUihTpGTGYvyJEa8uO+sVYJcvojYzUul+DubmrS7Bq/5bL+igoNpzaVXNbMm\nbxeY+MX3IxxPtm8MzBsgfjzJNC8Weiz8wDw6d3e27NOx7pK8J49NpwbSh4fcqAtB\niXdnQikQt0mx4PNuNA/u79oXBT7JdO592v+LCwnWuAZrvSOlStSmbrvzqzekupWX\nL/eDMHWFW+Vxp3CqlORqbDK9yeIVMxw8qrnIDX/IkYYOT9uUjsc4B9Arl/zFmGB5\n6APcb4R8oTBGBFgvTd5XjAXevGr5FJMBeHoo4zRv2kn1O78UBWWUXsuOb7G0hCkX\nB9xU4jfk1MsjjbfovofrIWgqku61\n-----END CERTIFICATE-----\n',
  },
  {
    name: 'rootCaChuyenDungChinhPhuG2',
    role: 'root',
    pki: 'government',
    description: 'RootCA chuyên dùng Chính phủ G2 (Ban Cơ yếu Chính phủ, 2018–2048)',
    sha256: 'f04ba4b459a7c9a1b971ad9b1cb833e695a80c79aea63b174b66a70edfe2fdb8',
    pem: '-----BEGIN CERTIFICATE-----\nMIIFpzCCA4+gAwIBAgIIO2WwoDAG+aswDQYJKoZIhvcNAQELBQAwYTELMAkGA1UE\nBhMCVk4xIzAhBgNVBAoMGkJhbiBDxqEgeeG6v3UgQ2jDrW5oIHBo4bunMS0wKwYD\nVQQDDCRSb290Q0EgY2h1ecOqbiBkw7luZyBDaMOtbmggcGjhu6cgRzIwHhcNMTgw\nODIyMDczNjM5WhcNNDgwODE0MDczNjM5WjBhMQswCQYDVQQGEwJWTjEjMCEGA1UE\nCgwaQmFuIEPGoSB54bq/dSBDaMOtbmggcGjhu6cxLTArBgNVBAMMJFJvb3RDQSBj\naHV5w6puIGTDuW5nIENow61uaCBwaOG7pyBHMjCCAiIwDQYJKoZIhvcNAQEBBQAD\nggIPADCCAgoCggIBAKU35IPgByE9Ui+W0oLSZKNRxWLudIJLAicboYFz/2i2nmpE\nnDdPncAAhCf5NprFHWRwckuP8p+7NS6pRohMlkId6LweFSv7P47IWM1yFYpsiHKk\n5xWbsgItV5yoQc2sqzS3gzuXGacBlP0h4CZndloIo2kcOiTIhbxFpTwIT/YVdRAy\nPLIV/5lxKC5r4ET0VIs5wMVsKL29N0g9u4LvJmJez0Cb3v33FZ4mbRk0X0FAQwMw\nC7KxIoQKnZhTE35yYCEsk4Cp76pYQVMjVAZyeJ1R6YSCuc55LAwUET7o4NAudijZ\nTOJDO7PuUxQcsuv17rdk0pr+AGwi4b03FVQCY6oTclNcwEYVjf2ul3eEMxJKQJ/N\nNDhpvF9LAf7lpCYsQhbxz10Iqeqzl5On+pSPqNKRncgjPfs0ek/8IpOOyc2diwjx\nAdFx2xjVrVS07mXM/G//cV8oWmBvgl/QD96gB6YsLc2DyIZuSHQzJGE312hn7/Gd\nqd+Vj9Pqxytf5+GldxbWB1HQQ/aZD2kFX9A/jQGutd/CTCcs2UCemQnJn261EnVi\nUffQGX3m69n2DwM6O2QluagTxQYONCCEbv4rNy8MTwk7P1Bt8N7QaEIoYXn8GT7X\nHrS8AaNSa7qON7/TG5TlyfJt5JYp2asGVwBQ5onn1tvVGHiHbscQ8dJB4CUhAgMB\nAAGjYzBhMA8GA1UdEwEB/wQFMAMBAf8wHwYDVR0jBBgwFoAUd3m69/O9+4YeExpe\nI1JcqrpurlQwHQYDVR0OBBYEFHd5uvfzvfuGHhMaXiNSXKq6bq5UMA4GA1UdDwEB\n/wQEAwIBBjANBgkqhkiG9w0BAQsFAAOCAgEAhfZKfj1h6fTUr43i8seYh6EUiEvd\nVd+D5k8iU5pfqT9CoZG1wm4TszJ6JQyok7c4OApKRYWT/cJkgI814FXN97rdTm/I\nzX2pU7Agae6j5mY0cozGq8YURYxpsjKdbcxcj6uK3wlHBRA2YsZgy5UJsRK5Qj9+\nS2jjq5zuQdT+Ir/YLMGidun3Nt9u2O5Xzg0aiAcvJ/6RHzQPl3FjyqHXIPBd4xg+\nNlpfd0dQ1TkL/y+ykrTvdWlm0Hd0jCd49vRzL58lyqYs6dp1teaNy/yd0MlH9O8d\nDKW30ccu9YA93wiDBZ/4koxLFn5ftRFz7P1Az2f5MA3jZPRuvn6Gv95dOBW4Ifnk\nB+uOno5b4sLMC4gwSAq4w8fdDW/D4QPY/kHily0oj0JYlE8eY79/Sxz9VhPgfCol\n0K9YHiCCOdpmg+oUWmpq+/zrEE7uc7+KUpQNTjxB+0c10kESKdK+jOrJQlWmKegD\nzZ8+fM9AMkveSw22T9VJ0t8sllQalFb0Y6kpszMD45vkp4Pc5MaoyJPfWMG4cAoP\nI0C8C8WGte4D1UzmlfdTyD+ZWO4Fb9xaHUhyewx6CAcDyH5sTjoN1kZNie6aWQVg\n9RihjCzFStpnyCIlbZiEep2bFDQhper6yHEhGtym8MtqT220YJ25NXofQ+5+r+Nf\nbtkMVr+VUE5O2Bc=\n-----END CERTIFICATE-----\n',
  },
  {
    name: 'caPhucVuCacCoQuanNhaNuocG2',
    role: 'intermediate',
    pki: 'government',
    description: 'CA phục vụ các cơ quan Nhà nước G2 (issued by RootCA G2, 2018–2048)',
    sha256: 'd8cab7a4aef92e6bb2509d7c61cee7b44f3731b2d21074963530277b366fae4b',
    pem: '-----BEGIN CERTIFICATE-----\nMIIGqTCCBJGgAwIBAgIIevLfUhgmU9MwDQYJKoZIhvcNAQELBQAwYTELMAkGA1UE\nBhMCVk4xIzAhBgNVBAoMGkJhbiBDxqEgeeG6v3UgQ2jDrW5oIHBo4bunMS0wKwYD\nVQQDDCRSb290Q0EgY2h1ecOqbiBkw7luZyBDaMOtbmggcGjhu6cgRzIwHhcNMTgw\nODIyMDgwNjM2WhcNNDgwODE0MDczNjM5WjBpMQswCQYDVQQGEwJWTjEjMCEGA1UE\nCgwaQmFuIEPGoSB54bq/dSBDaMOtbmggcGjhu6cxNTAzBgNVBAMMLENBIHBo4bul\nYyB24bulIGPDoWMgY8ahIHF1YW4gTmjDoCBuxrDhu5tjIEcyMIICIjANBgkqhkiG\n9w0BAQEFAAOCAg8AMIICCgKCAgEAr+Tbl3sZ0cpqSUVjgc9Ukny8ga8sebklptm7\n9GX6xvJ90sOwpGqOUmQGfc9O0Thkk1qSUJxfyZAi/u4yOP3EAv84O7aD6IzXQ9+D\nzymHUBh6xh0ca6e4Y7lxAkMl0b0pxiXy+RDaOQYpuPQ5FkADjR+26Q3PfYWgWeA1\nf3+VQAnN/JGH590PyxzYyAtQADFhY6pfpAYKvKhwa/vqwYKynvyvU8nPJSqXDqWJ\n+UCtUWV88ES4eVCSUhDMxQG0BcqHLopQe8krNSKhZDFlxG2EO+E7Bqp3V3O6kurh\nuK1ue5IaRYVGPvofQihX4orjc1ZON9paCXkef7xEZZlj5IxhstnzgJiyjAw1xjTv\npjoNagFuW4H3vtsA2Z6b4RsyJFG21sBOe0XdDHpo7+9Z8qWvbn4ksmEyvCteG1D8\ncv7stvkbt/vCWotFP3ekJ1t0ofYqnDKtuZqUgoAiB1cMDLzp1IqUjwgMf95aVi31\nDNJRWYBJrrKyYq3g3HoQOdRyuFSYf3PbjX87EHDva/TA0GEKcPpBAj5XgiK5Lb4g\nOSUHNvoe1u3kKywMi+xWrMmrCvITe5Hc/U0q9FE01S9BkaUfTNXzB811KXZ0lHjh\nkQiRuid6iF5XOhtvooRLhsKkUGJF7TtgjbGO+dIXEF4uDBM0GokISQ6XShUeOIog\n6DCeGXUCAwEAAaOCAVswggFXMBIGA1UdEwEB/wQIMAYBAf8CAQAwHwYDVR0jBBgw\nFoAUd3m69/O9+4YeExpeI1JcqrpurlQwaQYIKwYBBQUHAQEEXTBbMDUGCCsGAQUF\nBzAChilodHRwOi8vY2EuZ292LnZuL3BraS9wdWIvY3J0L3Jvb3RjYWcyLmNydDAi\nBggrBgEFBQcwAYYWaHR0cDovL29jc3AuY2EuZ292LnZuLzBKBgNVHSAEQzBBMD8G\nCGCFQAEBAQEBMDMwMQYIKwYBBQUHAgEWJWh0dHBzOi8vY2EuZ292LnZuL3BraS9w\ndWIvcG9saWNpZXMvQ1AwOgYDVR0fBDMwMTAvoC2gK4YpaHR0cDovL2NhLmdvdi52\nbi9wa2kvcHViL2NybC9yb290Y2FnMi5jcmwwHQYDVR0OBBYEFFC+z6C96g+fTpEo\noyrrfO7wL8i6MA4GA1UdDwEB/wQEAwIBBjANBgkqhkiG9w0BAQsFAAOCAgEAizrr\n5GdEEWH1t6yqBprEg2mC6vjWxV8Kydov1/b9mGNl/6rLmkLkSny3gKhO7061977H\n5xPHioMv/SRhwu5m4dkJAcojuNB1SQ7a+m8w1OFvPRfKX/CqrTMfGcgNXOl7ZI96\n62XBxqGjWgJwR6GZPUU7cS6bjOtjsLPrUbiU2FJOH3RWWcZCl0CRkq3V19urMkC5\n0jWT6IKZ5lZsvSn0Ddl0BN5Dt8T2dqhN5eN4apl6fdVmqueXwbZcq1JIrGlHvOB8\nvn3DlzE9nmPgNVD/idWdYuUhrtpKC7LNFd/QjmYRpQfqYBUXyfiRZb4f5Ud68mft\n8WApP+xw3RRRFxG6E2BeDCzG0ym4rCxTH4zqFQ7u9dmbva4108ARuVrAHvrgRvap\nvIcHqEqzkgG061OjZAx9WIPanSJE12fjqIbsgxivXD5Jt08U5r/2824qRNnlkoLc\nbBNI6W+x37Ppo4WqmlR1xE3JKVQUby/mUAIPEwtfn5LZC4fmRoG++ZHqT1ti3AxU\nLAnD4ddo4I7Dv19CCykN+TtQ1WIbAEApaDYzoyI+N0kKcyFlMjTerajyUV3pjziP\niWmOCppXnxs3xDS7YEebDOkDnBx48PE6z9M30fon2JiL95VYTb7K8D4Z+DEGosDd\n/XYQcdyIfSEfoWYsWUzyln8tUdjNoXa9e7VE+m8=\n-----END CERTIFICATE-----\n',
  },
]);
