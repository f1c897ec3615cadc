package nl.werkproces.lti.keys;

/** Life cycle of a tool key: published before use, used for signing, published a while after retirement. */
public enum KeyStatus {

	/** Published in the JWKS, not yet used for signing. */
	NEXT,
	/** Used for signing and published. */
	ACTIVE,
	/** No longer used for signing, still published until removed. */
	RETIRED

}
