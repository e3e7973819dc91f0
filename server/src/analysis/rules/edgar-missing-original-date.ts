/** EDGAR's acceptance check `edgar-missing-original-date`: its metadata and check live with the other EDGAR checks (edgar/). */
import { edgarRuleModule } from '../edgar/rules';

export default edgarRuleModule('edgar-missing-original-date');
