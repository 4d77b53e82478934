package fr.relais.cps.revocation;

import javax.security.auth.x500.X500Principal;

/** Reads only the issuer name of a DER CRL, to pick the authority whose key must verify it. */
public final class CrlIssuer {

    private CrlIssuer() {
    }

    public static X500Principal of(byte[] der) throws CrlException {
        try {
            CrlParser.Der tbs = new CrlParser.Der(der, 0, der.length).next(0x30).content().next(0x30).content();
            if (tbs.peekTag() == 0x02) {
                tbs.next(0x02);
            }
            tbs.next(0x30);
            return new X500Principal(tbs.next(0x30).bytes());
        } catch (RuntimeException e) {
            throw new CrlException("not a CRL: " + e.getMessage(), e);
        }
    }
}
