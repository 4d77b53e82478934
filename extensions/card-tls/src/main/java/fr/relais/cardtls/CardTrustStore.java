package fr.relais.cardtls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.KeyStoreSpi;
import java.security.NoSuchAlgorithmException;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.util.Date;
import java.util.Enumeration;

/**
 * A PKCS#12 trust store known by another type name, {@value CardTlsSecurityProvider#CARD_TRUST_STORE_TYPE}:
 * the name is what tells {@link CardTlsTrustManagerFactory} that this store is the one of the card login
 * endpoint. The file is an ordinary {@code .p12}.
 */
final class CardTrustStore extends KeyStoreSpi {

    private final KeyStore pkcs12;

    CardTrustStore() {
        try {
            pkcs12 = KeyStore.getInstance("PKCS12");
        } catch (KeyStoreException e) {
            throw new IllegalStateException("The JDK has no PKCS12 key store", e);
        }
    }

    @Override
    public void engineLoad(InputStream stream, char[] password) throws IOException, NoSuchAlgorithmException, CertificateException {
        pkcs12.load(stream, password);
    }

    @Override
    public void engineStore(OutputStream stream, char[] password) throws IOException, NoSuchAlgorithmException, CertificateException {
        try {
            pkcs12.store(stream, password);
        } catch (KeyStoreException e) {
            throw new IOException(e);
        }
    }

    @Override
    public Key engineGetKey(String alias, char[] password) throws NoSuchAlgorithmException, UnrecoverableKeyException {
        try {
            return pkcs12.getKey(alias, password);
        } catch (KeyStoreException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Certificate[] engineGetCertificateChain(String alias) {
        return call(() -> pkcs12.getCertificateChain(alias));
    }

    @Override
    public Certificate engineGetCertificate(String alias) {
        return call(() -> pkcs12.getCertificate(alias));
    }

    @Override
    public Date engineGetCreationDate(String alias) {
        return call(() -> pkcs12.getCreationDate(alias));
    }

    @Override
    public void engineSetKeyEntry(String alias, Key key, char[] password, Certificate[] chain) throws KeyStoreException {
        pkcs12.setKeyEntry(alias, key, password, chain);
    }

    @Override
    public void engineSetKeyEntry(String alias, byte[] key, Certificate[] chain) throws KeyStoreException {
        pkcs12.setKeyEntry(alias, key, chain);
    }

    @Override
    public void engineSetCertificateEntry(String alias, Certificate cert) throws KeyStoreException {
        pkcs12.setCertificateEntry(alias, cert);
    }

    @Override
    public void engineDeleteEntry(String alias) throws KeyStoreException {
        pkcs12.deleteEntry(alias);
    }

    @Override
    public Enumeration<String> engineAliases() {
        return call(pkcs12::aliases);
    }

    @Override
    public boolean engineContainsAlias(String alias) {
        return call(() -> pkcs12.containsAlias(alias));
    }

    @Override
    public int engineSize() {
        return call(pkcs12::size);
    }

    @Override
    public boolean engineIsKeyEntry(String alias) {
        return call(() -> pkcs12.isKeyEntry(alias));
    }

    @Override
    public boolean engineIsCertificateEntry(String alias) {
        return call(() -> pkcs12.isCertificateEntry(alias));
    }

    @Override
    public String engineGetCertificateAlias(Certificate cert) {
        return call(() -> pkcs12.getCertificateAlias(cert));
    }

    private interface StoreCall<T> {
        T call() throws KeyStoreException;
    }

    /** The inner store is loaded whenever this one is: KeyStore itself refuses calls before load. */
    private static <T> T call(StoreCall<T> call) {
        try {
            return call.call();
        } catch (KeyStoreException e) {
            throw new IllegalStateException(e);
        }
    }
}
