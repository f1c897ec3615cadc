package nl.werkproces.lti.dossier;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/admin/dossiers} (multipart {@code file}, optional {@code titel} for a source that states none):
 * imports a dossier file and answers with the
 * {@link DossierImportReport}: 201 with the new version's catalog URL, or 200 when the identical source was already
 * imported. A file that is not a dossier is a 422 problem detail, a file over {@code lti.dossiers.max-file-size} a
 * 413 one. Needs the tool admin role.
 */
@RestController
class DossierImportApiController {

	private final DossierImports imports;

	DossierImportApiController(DossierImports imports) {
		this.imports = imports;
	}

	@PostMapping(path = "/api/admin/dossiers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<DossierImportReport> importDossier(@RequestParam("file") MultipartFile file,
			@RequestParam(name = "titel", required = false) String titel, Principal admin)
			throws IOException {
		this.imports.checkSize(file.getSize());
		DossierImportReport report = this.imports.importFile(file.getOriginalFilename(), file.getBytes(),
				admin.getName(), titel);
		if (!report.created()) {
			return ResponseEntity.ok(report);
		}
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/catalog/dossiers/" + report.dossierId()))
			.body(report);
	}

}
