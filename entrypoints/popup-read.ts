import { startEarlyRead } from '@/lib/ui/early-read';

// popup.html runs this classic script before its modules, so the offers are read while they load.
export default defineUnlistedScript(() => startEarlyRead());
