/**
 * An IGC-Santé look-alike PKI for Relais tests and the local demo.
 *
 * <pre>{@code
 * TestPki pki = TestPki.load(dir, password);        // or TestPki.generate() for a throw-away one
 * IssuedCertificate card = pki.card("899700252580")
 *         .givenName("NORBERT").surname("KINE-CH").professionCode(70)
 *         .issue();
 * card.writePkcs12(dir.resolve("card.p12"), "card", password);      // import into the browser
 * Pem.writeTrustStorePem(dir.resolve("truststore.pem"), pki.trustAnchors());
 * pki.fortPersonnes().crl().revoke(card.certificate().getSerialNumber())
 *         .writeDer(dir.resolve(pki.fortPersonnes().shortName() + ".crl"));
 * }</pre>
 *
 * <p>Card certificates copy the layout of a real ANS test card; see {@link fr.relais.testpki.CardCertificateBuilder}
 * for which parts are verified and which (CPE/CPA structure attributes, STANDARD policy OID) are not.
 */
package fr.relais.testpki;
