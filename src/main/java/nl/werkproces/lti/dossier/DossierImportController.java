package nl.werkproces.lti.dossier;

import java.io.IOException;
import java.security.Principal;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import nl.werkproces.lti.dossier.DossierFormatException.Reason;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The admin page for importing a kwalificatiedossier: upload a PDF, XML or text file, then see what was imported
 * (or why the file was refused) on the same page. Needs the tool admin role.
 */
@Controller
@RequestMapping("/admin/dossiers/import")
class DossierImportController {

	private final DossierImports imports;

	DossierImportController(DossierImports imports) {
		this.imports = imports;
	}

	@GetMapping
	String form() {
		return "admin/dossier-import";
	}

	@PostMapping
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "titel", required = false) String titel, Principal admin, Locale locale,
			Model model, HttpServletResponse response) throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("noFile", true);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "admin/dossier-import";
		}
		model.addAttribute("filename", file.getOriginalFilename());
		try {
			this.imports.checkSize(file.getSize());
			model.addAttribute("report", this.imports.importFile(file.getOriginalFilename(), file.getBytes(),
					admin.getName(), titel));
		}
		catch (DossierFormatException ex) {
			boolean english = "en".equals(locale.getLanguage());
			model.addAttribute("refusal", english ? ex.getMessage() : ex.dutchMessage());
			model.addAttribute("reason", ex.reason().name());
			model.addAttribute("path", ex.path());
			response.setStatus((ex.reason() == Reason.TOO_LARGE) ? HttpStatus.CONTENT_TOO_LARGE.value()
					: HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		return "admin/dossier-import";
	}

}
