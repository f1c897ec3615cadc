package nl.werkproces.lti.keys;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface ToolKeyRepository extends ListCrudRepository<ToolKeyRecord, String> {

	List<ToolKeyRecord> findByStatusOrderByCreatedAtAsc(KeyStatus status);

}
